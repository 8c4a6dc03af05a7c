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
            if (!await TryStartAsync(app, cancellationToken))
            {
                return ExitCodes.Error;
            }

            await app.WaitForShutdownAsync(cancellationToken);
        }

        return ExitCodes.Success;
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
