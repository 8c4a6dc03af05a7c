using System.Text.Json.Nodes;

namespace RulesEngine.Issues;

/// <summary>A record that failed its model assertion's check, with the details the check gave.</summary>
public readonly record struct RecordFailure(string Key, JsonNode? Details);
