using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using RulesEngine.RuleFiles;

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

    /// <summary>How long one run of an action may take when it sets no <c>timeout</c>. Default 30 seconds.</summary>
    public TimeSpan ActionTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The wait before the first retry of a failed action that sets no <c>retry_delay</c>; each later retry waits
    /// twice as long as the one before, up to <see cref="MaxRetryDelay"/>. Default one minute.
    /// </summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest wait between two attempts of an action. Default one hour.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How many issues a respond pass acts on at once, so a slow action holds up only its own issue. The actions of
    /// one issue run one after another, in order. Default 4.
    /// </summary>
    public int RespondConcurrency { get; init; } = 4;

    /// <summary>
    /// The SMTP server and sender for email actions that do not give their own, so rules need not repeat them.
    /// Default none: each email action then names its host and sender.
    /// </summary>
    public SmtpSettings Smtp { get; init; } = new();

    /// <summary>
    /// The base URL of the engine's HTTP API, such as <c>https://rules.example.com/api</c>; templates link to an
    /// issue as <c>{base}/issues/{id}</c> (<c>issue.url</c>). Default none: a template using the link then fails.
    /// </summary>
    public string? ApiBaseUrl { get; init; }

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
