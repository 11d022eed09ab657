using MailFromConsole.Benchmarks;
using MailFromConsole.Benchmarks.ClusterSes;
using MailFromConsole.Benchmarks.Console10k;
using MailFromConsole.Benchmarks.MailFromAttributes;

// Add a benchmark: implement IBenchmark and list it here.
IBenchmark[] benchmarks =
[
    new MailFromAttributesBenchmark(),
    new Console10kBenchmark(),
    new ClusterSesBenchmark(),
];

if (args.Length == 0 || args[0] is "-h" or "--help" or "list")
{
    Console.WriteLine("usage: dotnet run -c Release --project tests/MailFromConsole.Benchmarks -- <benchmark> [options]");
    foreach (var benchmark in benchmarks)
        Console.WriteLine($"  {benchmark.Name,-22} {benchmark.Description}");
    return 0;
}

var chosen = benchmarks.FirstOrDefault(b => b.Name.Equals(args[0], StringComparison.OrdinalIgnoreCase));
if (chosen is null)
{
    Console.Error.WriteLine($"unknown benchmark '{args[0]}'; run without arguments for the list.");
    return 2;
}

using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(20));
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
return await chosen.RunAsync(args[1..], cancellation.Token);
