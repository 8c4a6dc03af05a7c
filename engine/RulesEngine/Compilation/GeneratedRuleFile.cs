namespace RulesEngine.Compilation;

/// <summary>The C# generated from one rule file, and the map from its lines back to the rules.</summary>
internal sealed record GeneratedRuleFile(string Source, CodeWriter Writer);
