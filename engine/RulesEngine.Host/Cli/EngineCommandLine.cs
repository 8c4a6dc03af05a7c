using System.CommandLine;

namespace RulesEngine.Host.Cli;

/// <summary>The command line: one command per thing an operator does.</summary>
internal static class EngineCommandLine
{
    public static RootCommand Build() => new("A rules engine: YAML rule files with inline C#, issues kept in an embedded store.")
    {
        CheckCommand.Build(),
        RespondCommand.Build(),
        ValidateCommand.Build(),
        IssuesCommand.Build(),
        RunCommand.Build(),
        HeartbeatCommand.Build(),
    };
}
