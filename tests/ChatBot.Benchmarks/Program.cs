// Measures ChatBot at scale on a synthetic corpus (not part of `dotnet test`):
//   dotnet run -c Release --project tests/ChatBot.Benchmarks -- --papers 100000
using ChatBot.Benchmarks.Cli;

return await BenchmarkCli.RunAsync(args);
