namespace RulesEngine.RuleFiles;

/// <summary>A request header of an HTTP source; its value may come from an environment variable.</summary>
public sealed record HttpHeader(string Name, SourceSetting Value, SourceLocation Location);
