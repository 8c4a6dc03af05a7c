using System.Text.Json.Nodes;

namespace RulesEngine.Issues;

/// <summary>A change to one existing issue within a batch: new details, or a resolution with its reason.</summary>
public readonly record struct IssueUpdate(long Id, JsonNode? Details, string? Resolution = null);
