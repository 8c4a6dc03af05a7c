using Microsoft.Extensions.Logging;
using RulesEngine.Issues;

namespace RulesEngine.Host.Cli;

/// <summary>
/// Opens the engine for one command, with the settings of <see cref="EnvironmentSettings"/>, turning a store held by
/// another process into a clear message.
/// </summary>
internal static class EngineSession
{
    public static Engine? Open(string rules, string store, Output output)
    {
        var options = new EngineOptions
        {
            RulesDirectory = rules,
            StorePath = store,
            LoggerFactory = LoggerFactory.Create(builder => builder
                .AddSimpleConsole(console => console.SingleLine = true)
                .SetMinimumLevel(LogLevel.Warning)),
        };

        options = EnvironmentSettings.Apply(options, out var errors);
        if (errors.Count > 0)
        {
            output.Error(string.Join(Environment.NewLine, errors));
            return null;
        }

        try
        {
            return Engine.Open(options);
        }
        catch (StoreLockedException exception)
        {
            output.Error(exception.Message);
            return null;
        }
    }
}
