using Microsoft.Extensions.Logging;

namespace RulesEngine.Tests.Support;

/// <summary>A logger factory that keeps every entry logged through it, for tests that assert what was logged.</summary>
public sealed class RecordingLoggerFactory : ILoggerFactory
{
    private readonly List<LoggedEntry> entries = [];

    /// <summary>Every entry so far, in order.</summary>
    public IReadOnlyList<LoggedEntry> Entries
    {
        get
        {
            lock (entries)
            {
                return entries.ToList();
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, this);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private void Add(LoggedEntry entry)
    {
        lock (entries)
        {
            entries.Add(entry);
        }
    }

    private sealed class Logger(string category, RecordingLoggerFactory factory) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter) =>
            factory.Add(new LoggedEntry(category, logLevel, eventId, formatter(state, exception), exception));
    }
}
