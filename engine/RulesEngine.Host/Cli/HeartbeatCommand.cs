using System.CommandLine;
using LiteDB;
using RulesEngine.Issues;

namespace RulesEngine.Host.Cli;

/// <summary><c>heartbeat NAME</c>: records a beat, as <c>POST /api/heartbeats/NAME</c> does, for scripts without HTTP.</summary>
internal static class HeartbeatCommand
{
    public static Command Build()
    {
        var name = new Argument<string>("name") { Description = "The name checks ask about: Heartbeats.Age(\"name\")." };
        var store = CommonOptions.Store();
        var json = CommonOptions.Json();
        var command = new Command("heartbeat", "Record a heartbeat under a name.") { name, store, json };

        command.SetAction(parseResult =>
        {
            var output = new Output(parseResult.GetValue(json));
            try
            {
                using var issues = IssueStore.Open(parseResult.GetValue(store)!);
                var beat = Record(issues, parseResult.GetValue(name)!);
                output.Write(beat, recorded => Console.WriteLine($"Heartbeat '{recorded.Name}' at {recorded.At:O}"));
                return ExitCodes.Success;
            }
            catch (StoreLockedException exception)
            {
                output.Error(exception.Message + " While a sidecar holds it, beat through the sidecar: curl -X POST " +
                    "http://ADDRESS/api/heartbeats/NAME, ADDRESS being where it listens (its --urls; 127.0.0.1:8080 by default).");
                return ExitCodes.Error;
            }
            catch (IOException exception)
            {
                output.Error(exception.Message);
                return ExitCodes.Error;
            }
            catch (ArgumentException exception)
            {
                output.Error(exception.Message);
                return ExitCodes.Error;
            }
        });

        return command;
    }

    private static Heartbeat Record(IssueStore store, string name)
    {
        try
        {
            return store.RecordHeartbeat(name);
        }
        catch (LiteException exception)
        {
            throw StoreDamagedException.FoundInUse(store.Path, exception);
        }
    }
}
