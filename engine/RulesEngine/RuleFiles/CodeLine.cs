namespace RulesEngine.RuleFiles;

/// <summary>One line of inline C#, and where its first character stands in the rule file.</summary>
public readonly record struct CodeLine(string Text, int Line, int Column);
