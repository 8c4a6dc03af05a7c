using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RulesEngine.Host.Api;
using RulesEngine.Host.Cli;
using RulesEngine.Host.Dashboard;
using RulesEngine.Issues;
using RulesEngine.Loading;
using RulesEngine.Scheduling;

namespace RulesEngine.Host.Sidecar;

/// <summary>Builds and runs the sidecar process: Kestrel, the API, and the engine's worker.</summary>
internal static class SidecarHost
{
    public static async Task<int> RunAsync(SidecarSettings settings, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = Directory.GetCurrentDirectory() });
        builder.WebHost.UseUrls(settings.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = settings.MaxRequestBodyBytes);
        ConfigureLogging(builder.Logging, settings);

        // The host's shutdown must outlast the scheduler's grace, or running checks are cut before it ends.
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = settings.ShutdownGrace + TimeSpan.FromSeconds(5));
        builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        ApiErrorPages.Add(builder.Services);

        var loggerFactory = LoggerFactory.Create(logging => ConfigureLogging(logging, settings));
        ProcessExitGuard.LogThrough(loggerFactory);
        var options = EnvironmentSettings.Apply(EngineOptionsFrom(settings, loggerFactory), out var environmentErrors);
        if (environmentErrors.Count > 0)
        {
            foreach (var error in environmentErrors)
            {
                Console.Error.WriteLine($"error: {error}");
            }

            return ExitCodes.Error;
        }

        // Links in notifications point at this sidecar unless the operator names the address people reach it by.
        options = options with { ApiBaseUrl = options.ApiBaseUrl ?? settings.Urls.Split(';')[0].Trim().TrimEnd('/') };
        var storeFiles = StoreFilesBefore(options.StorePath);
        Engine engine;
        try
        {
            engine = Engine.Open(options);
        }
        catch (IOException exception)
        {
            Console.Error.WriteLine($"error: {exception.Message}");
            return ExitCodes.Error;
        }

        var started = false;
        using (engine)
        {
            var reloader = new RulesReloader(engine);
            var scheduler = new EngineScheduler(engine, SchedulerOptionsFrom(settings));
            var metrics = new EngineMetrics(engine);
            reloader.Reloaded += scheduler.Apply;
            reloader.Recorded += metrics.Observe;
            scheduler.RuleRan += metrics.Observe;
            scheduler.Responded += metrics.Observe;

            builder.Services.AddSingleton(engine).AddSingleton(reloader).AddSingleton(scheduler).AddSingleton(metrics).AddSingleton(settings);
            builder.Services.AddHostedService<EngineWorker>();
            builder.Services.AddDashboard(settings);

            await using var app = builder.Build();
            ApiErrorPages.Use(app);
            ApiEndpoints.Map(app, settings);
            app.MapDashboard();
            started = await TryStartAsync(app, cancellationToken);
            if (started)
            {
                await app.WaitForShutdownAsync(cancellationToken);
            }
        }

        if (!started)
        {
            // Closed now: a start that failed (the port in use) leaves no store it created behind.
            RemoveCreatedStoreFiles(options.StorePath, storeFiles);
            return ExitCodes.Error;
        }

        return ExitCodes.Success;
    }

    /// <summary>
    /// The files beside the store named after it (the store, its lock and log files), before opening it; null when
    /// its folder does not exist yet.
    /// </summary>
    private static HashSet<string>? StoreFilesBefore(string storePath)
    {
        var (folder, pattern) = StoreFilePattern(storePath);
        return Directory.Exists(folder) ? [.. Directory.GetFiles(folder, pattern)] : null;
    }

    private static void RemoveCreatedStoreFiles(string storePath, HashSet<string>? before)
    {
        var (folder, pattern) = StoreFilePattern(storePath);
        try
        {
            if (before is null)
            {
                // The folder is this start's: the store, its lock files and the dashboard's keys were all made in it now.
                Directory.Delete(folder, recursive: true);
                return;
            }

            foreach (var file in Directory.GetFiles(folder, pattern).Where(file => !before.Contains(file)))
            {
                File.Delete(file);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Left behind, the new store is empty and harmless; the failure to start is what the operator must hear.
        }
    }

    // LiteDB's log is issues-log.db beside issues.db; the lock and holder files are issues.db.lock and .holder.
    private static (string Folder, string Pattern) StoreFilePattern(string storePath)
    {
        var fullPath = Path.GetFullPath(storePath);
        return (Path.GetDirectoryName(fullPath)!, Path.GetFileNameWithoutExtension(fullPath) + "*");
    }

    /// <summary>Starts Kestrel and the engine's worker; false, with one line on stderr, when Kestrel cannot listen.</summary>
    private static async Task<bool> TryStartAsync(WebApplication app, CancellationToken cancellationToken)
    {
        try
        {
            await app.StartAsync(cancellationToken);
            return true;
        }
        catch (IOException exception)
        {
            // Kestrel's message names the address: "Failed to bind to address http://127.0.0.1:8080: address already in use."
            var advice = exception.InnerException is AddressInUseException
                ? " Stop the process that listens there, or give another address with --urls (or the Urls setting)."
                : "";
            Console.Error.WriteLine($"error: {exception.Message}{advice}");

            // The engine's worker started before Kestrel failed: it must end before the engine is closed under it,
            // or its first respond pass fails on a closed store.
            await app.StopAsync(CancellationToken.None);
            return false;
        }
    }

    private static EngineOptions EngineOptionsFrom(SidecarSettings settings, ILoggerFactory loggerFactory) => new()
    {
        RulesDirectory = settings.Rules,
        StorePath = settings.Store,
        CheckTimeout = settings.CheckTimeout,
        ActionTimeout = settings.ActionTimeout,
        LoggerFactory = loggerFactory,
    };

    private static SchedulerOptions SchedulerOptionsFrom(SidecarSettings settings) => new()
    {
        DefaultSchedule = settings.DefaultSchedule,
        RespondInterval = settings.RespondInterval,
        ShutdownGrace = settings.ShutdownGrace,
        RunWhenLoaded = settings.RunWhenLoaded,
    };

    private static void ConfigureLogging(ILoggingBuilder logging, SidecarSettings settings)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(LogLevel.Information);
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);

        // The host logs a failure to start with its whole stack trace before throwing it; the sidecar reports it in
        // one line instead (TryStartAsync). A worker that fails is still logged, at Critical, with its exception.
        logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);

        if (settings.JsonLogs)
        {
            logging.AddJsonConsole(json => json.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ");
        }
        else
        {
            logging.AddSimpleConsole(console =>
            {
                console.SingleLine = true;
                console.TimestampFormat = "yyyy-MM-dd HH:mm:ss ";
                console.UseUtcTimestamp = true;
            });
        }
    }
}
