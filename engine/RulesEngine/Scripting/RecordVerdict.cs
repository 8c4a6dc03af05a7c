namespace RulesEngine.Scripting;

/// <summary>The check's answer for one record, or the exception it threw.</summary>
internal readonly record struct RecordVerdict(object? Key, CheckResult Result, Exception? Error);
