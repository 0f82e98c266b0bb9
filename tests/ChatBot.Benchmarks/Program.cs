// Measures ChatBot at scale on a synthetic corpus, or soaks the whole bot under injected faults (not part of `dotnet test`):
//   dotnet run -c Release --project tests/ChatBot.Benchmarks -- --papers 100000
//   dotnet run -c Release --project tests/ChatBot.Benchmarks -- soak --duration 60s --rate 5/s --seed 1
//   dotnet run -c Release --project tests/ChatBot.Benchmarks -- vectors --papers 1000000   (exact int8 vs HNSW only)
using ChatBot.Benchmarks.Cli;

return await BenchmarkCli.RunAsync(args);
