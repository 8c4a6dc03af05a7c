using Microsoft.Extensions.Logging;

namespace RulesEngine.Tests.Support;

/// <summary>One entry a <see cref="RecordingLoggerFactory"/> kept, its message formatted.</summary>
public sealed record LoggedEntry(string Category, LogLevel Level, EventId EventId, string Message, Exception? Exception);
