using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting;
using RulesEngine.Compilation;
using RulesEngine.Loading;
using RulesEngine.Scheduling;

namespace RulesEngine.Host.Sidecar;

/// <summary>
/// The sidecar's life: load the rules, watch them, reload on SIGHUP, and run the scheduler until the host stops.
/// </summary>
internal sealed class EngineWorker(Engine engine, RulesReloader reloader, EngineScheduler scheduler, SidecarSettings settings)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The watcher takes its first look before the first load, so a file changed in between is reloaded again.
        using var watcher = new RulesWatcher(engine, reloader, settings.PollInterval);
        reloader.LoadAtStart();
        _ = Task.Run(RuleCompiler.WarmUp, stoppingToken);

        using var hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
        {
            context.Cancel = true;
            _ = Task.Run(() => reloader.Reload("SIGHUP"));
        });

        await scheduler.RunAsync(stoppingToken);
    }
}
