namespace RulesEngine.RuleFiles;

/// <summary>A record field declared in a model assertion's <c>fields</c> map.</summary>
/// <param name="Name">The field's name in the source (a column, a JSON property).</param>
/// <param name="Type">A C# type as written, such as <c>long</c>, <c>string?</c> or <c>DateTime?</c>.</param>
public sealed record FieldDefinition(string Name, string Type, SourceLocation Location);
