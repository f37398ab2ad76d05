using BenchmarkDotNet.Running;

// Every benchmark class in this assembly is listed; pick with --filter, e.g.
//   dotnet run -c Release --project bench/CoachBot.Benchmarks -- --filter '*SlotFinder*' --job short
// Add new benchmarks in their own files; nothing here needs to change.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
