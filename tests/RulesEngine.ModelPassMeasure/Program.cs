// Measures one model assertion over a million SQLite records, 1% of them failing, through the real Engine:
//   dotnet run -c Release --project tests/RulesEngine.ModelPassMeasure [-- records]
// The first pass opens an issue per failing record; the second, over unchanged data, must write nothing to the
// store. Prints each pass's time, what it changed, whether the store's files changed, and peak managed memory.
using System.Diagnostics;
using RulesEngine;
using RulesEngine.ModelPassMeasure;

var records = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
using var workspace = new MeasureWorkspace();

var building = Stopwatch.StartNew();
AccountsDatabase.Build(workspace.DatabasePath, records);
workspace.WriteRule();
Console.WriteLine($"built {records:N0} records in {building.Elapsed.TotalSeconds:0.0} s; commit {Git.Commit()}, " +
    $"{Environment.ProcessorCount} cores, .NET {Environment.Version}");

using var engine = Engine.Open(workspace.Options);
var loading = Stopwatch.StartNew();
var rules = engine.LoadRules();
if (rules.Errors.Count > 0)
{
    Console.Error.WriteLine(string.Join(Environment.NewLine, rules.Errors));
    return 1;
}

Console.WriteLine($"loaded and compiled the rule in {loading.Elapsed.TotalSeconds:0.0} s");

var first = await PassMeasurement.RunAsync(engine, workspace.StorePath);
first.Print("first pass");
var second = await PassMeasurement.RunAsync(engine, workspace.StorePath);
second.Print("second pass, nothing changed");
return 0;
