// The benchmarks: BenchmarkDotNet suites comparing the engine with Microsoft RulesEngine and with hand-written C#,
// and measurements of the whole engine (first loads, 1,000 reloads, a million-record pass, the sidecar at rest).
//   dotnet run -c Release --project tests/RulesEngine.Benchmarks                 # short: a few minutes
//   dotnet run -c Release --project tests/RulesEngine.Benchmarks -- --full       # full: BenchmarkDotNet's default jobs
//   dotnet run -c Release --project tests/RulesEngine.Benchmarks -- --only predicates --only store
// Results: BenchmarkDotNet.Artifacts/performance.md under the working directory; docs/performance.md quotes them.
using System.CommandLine;
using RulesEngine.Benchmarks;

return await BenchmarksCommandLine.Build().Parse(args).InvokeAsync();
