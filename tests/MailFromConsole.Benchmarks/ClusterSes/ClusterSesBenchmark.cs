using System.Diagnostics;
using System.Globalization;
using MailFromConsole.Aws;
using MailFromConsole.Core;
using MailFromConsole.Core.Ses;
using MailFromConsole.LocalAws;
using MailFromConsole.Testing;
using MailFromConsole.Web.Infrastructure.Cluster;
using MailFromConsole.Web.Infrastructure.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace MailFromConsole.Benchmarks.ClusterSes;

/// <summary>
/// SES requests per second that reach the local AWS from 1 and from 2 console instances on one PostgreSQL database,
/// under the same load per instance (callers asking for MAIL FROM attributes and listing identities as fast as they
/// are let through). Each instance is its own service container with the console's AWS clients and cluster services,
/// as a process would have; they share only the database. The local AWS enforces SES's 1 request/second per region
/// and operation, and the clients do not retry, so a request sent too early is counted as Throttling.
/// Goal: 2 instances send no more than 1 instance (ratio ≤ 1.05 per operation) and get no Throttling.
/// </summary>
internal sealed class ClusterSesBenchmark : IBenchmark
{
    private const double Goal = 1.05;
    private const string Region = "us-east-1";

    public string Name => "cluster-ses";

    public string Description => "SES requests/s with 1 and 2 instances on one PostgreSQL, same load (options: --seconds 20 --callers 4)";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var seconds = IntOption(args, "--seconds", 20);
        var callers = IntOption(args, "--callers", 4);
        var folder = Path.Combine(Path.GetTempPath(), "mfc-bench-cluster-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var aws = await LocalAwsServer.StartAsync(
                new LocalAwsOptions { DataFolder = folder, HttpPort = 0, DnsPort = 0, EnableDnsAndDetection = false, EnforceRateLimits = true },
                NullLoggerFactory.Instance, cancellationToken);
            Console.WriteLine($"cluster-ses: {callers} callers per instance, {seconds} s per run, local AWS at 1 request/s per region and operation");
            var one = await RunInstancesAsync(1, aws, callers, TimeSpan.FromSeconds(seconds), cancellationToken);
            var two = await RunInstancesAsync(2, aws, callers, TimeSpan.FromSeconds(seconds), cancellationToken);
            var met = true;
            foreach (var operation in one.Rates.Keys)
            {
                var ratio = two.Rates[operation] / one.Rates[operation];
                met &= ratio <= Goal;
                Console.WriteLine($"  {operation,-40} 1 instance {one.Rates[operation]:0.000}/s   2 instances {two.Rates[operation]:0.000}/s   ratio {ratio:0.000} (goal ≤ {Goal})");
            }
            Console.WriteLine($"  Throttling: 1 instance {one.Throttled}, 2 instances {two.Throttled} (goal 0)");
            met &= one.Throttled == 0 && two.Throttled == 0;
            Console.WriteLine(met ? "cluster-ses: goal met" : "cluster-ses: goal MISSED");
            return met ? 0 : 1;
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }

    private sealed record Result(IReadOnlyDictionary<string, double> Rates, int Throttled);

    private static async Task<Result> RunInstancesAsync(int count, LocalAwsServer aws, int callers, TimeSpan duration, CancellationToken cancellationToken)
    {
        var database = "mfc_bench_" + Guid.NewGuid().ToString("N");
        await ExecuteOnServerAsync($"CREATE DATABASE \"{database}\"", cancellationToken);
        var instances = new List<(ServiceProvider Services, List<IHostedService> Hosted)>();
        try
        {
            for (var i = 0; i < count; i++) instances.Add(await StartInstanceAsync(aws, database, cancellationToken));
            var operations = new Dictionary<string, Func<ISesClient, Task>>
            {
                ["GetIdentityMailFromDomainAttributes"] = ses => ses.GetIdentityMailFromDomainAttributesAsync(Region, ["example.com"], cancellationToken),
                ["ListIdentities"] = ses => ses.ListIdentitiesAsync(Region, identityType: null, nextToken: null, maxItems: 1000, cancellationToken),
            };
            // Each instance's first request of each operation alone: a process's first one is slow to reach the wire.
            foreach (var (services, _) in instances)
                foreach (var call in operations.Values)
                    await call(services.GetRequiredService<ISesClient>());

            var counts = operations.Keys.ToDictionary(k => k, _ => 0);
            var throttled = 0;
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var clock = Stopwatch.StartNew();
            stop.CancelAfter(duration);
            var load = instances.SelectMany(instance => operations.SelectMany(operation => Enumerable.Range(0, callers).Select(async _ =>
            {
                var ses = instance.Services.GetRequiredService<ISesClient>();
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        await operation.Value(ses).WaitAsync(stop.Token);
                        lock (counts) counts[operation.Key]++;
                    }
                    catch (AwsServiceException ex) when (ex.ErrorCode == "Throttling")
                    {
                        Interlocked.Increment(ref throttled);
                    }
                    catch (OperationCanceledException) when (stop.IsCancellationRequested)
                    {
                        // The run is over; a request still waiting for its turn is not counted.
                    }
                }
            })));
            await Task.WhenAll(load);
            var elapsed = clock.Elapsed.TotalSeconds;
            return new Result(counts.ToDictionary(c => c.Key, c => c.Value / elapsed), throttled);
        }
        finally
        {
            foreach (var (services, hosted) in instances)
            {
                foreach (var service in Enumerable.Reverse(hosted)) await service.StopAsync(CancellationToken.None);
                await services.DisposeAsync();
            }
            NpgsqlConnection.ClearAllPools();
            await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", CancellationToken.None);
        }
    }

    /// <summary>One console instance's AWS clients and cluster services (leader lease, notifications, shared AWS pacing) on the database.</summary>
    private static async Task<(ServiceProvider, List<IHostedService>)> StartInstanceAsync(LocalAwsServer aws, string database, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [StorageOptions.ProviderKey] = nameof(StorageProvider.Postgres),
            ["ConnectionStrings:" + StorageOptions.ConnectionStringName] = new NpgsqlConnectionStringBuilder(TestPostgres.ServerConnectionString) { Database = database }.ConnectionString,
            ["Aws:SesServiceUrl"] = aws.HttpEndpoint.ToString(),
            ["Aws:AccessKeyId"] = "test",
            ["Aws:SecretAccessKey"] = "test",
            ["Aws:Retry:MaxRetryAttempts"] = "0",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddConsoleCluster(configuration).AddAwsClients(configuration).BuildServiceProvider();
        var hosted = new List<IHostedService>();
        foreach (var service in services.GetServices<IHostedService>())
        {
            if (service is IHostedLifecycleService lifecycle) await lifecycle.StartingAsync(cancellationToken);
            await service.StartAsync(cancellationToken);
            hosted.Add(service);
        }
        return (services, hosted);
    }

    private static async Task ExecuteOnServerAsync(string sql, CancellationToken cancellationToken)
    {
        await using var server = new NpgsqlConnection(TestPostgres.ServerConnectionString);
        await server.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, server);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static int IntOption(IReadOnlyList<string> args, string name, int fallback)
    {
        var index = args.ToList().IndexOf(name);
        return index >= 0 && index + 1 < args.Count ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
