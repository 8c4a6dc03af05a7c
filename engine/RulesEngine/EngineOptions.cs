using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace RulesEngine;

/// <summary>How an <see cref="Engine"/> is set up. Every property has a default that works out of the box.</summary>
public sealed record EngineOptions
{
    /// <summary>The folder of rule files (<c>*.yaml</c>, <c>*.yml</c>, <c>*.json</c>, not recursive). Default <c>rules</c>.</summary>
    public string RulesDirectory { get; init; } = "rules";

    /// <summary>The LiteDB file holding issues. Default <c>data/issues.db</c>, relative to the working directory.</summary>
    public string StorePath { get; init; } = Path.Combine("data", "issues.db");

    /// <summary>
    /// Where compiled rule files are cached between runs. Default: a <c>compiled</c> folder beside the store.
    /// Set to an empty string to compile every time.
    /// </summary>
    public string? CompileCacheDirectory { get; init; }

    /// <summary>How long a check may run when its rule sets no <c>timeout</c>. Default 30 seconds.</summary>
    public TimeSpan CheckTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long one run of an action may take. Default 30 seconds.</summary>
    public TimeSpan ActionTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The engine's clock; tests give a fake one. Default the system clock.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    internal string? ResolvedCacheDirectory => CompileCacheDirectory switch
    {
        null => Path.Combine(Path.GetDirectoryName(Path.GetFullPath(StorePath))!, "compiled"),
        "" => null,
        var directory => directory,
    };
}
