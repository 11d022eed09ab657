using MailFromConsole.LocalAws;
using Microsoft.Extensions.Logging.Abstractions;

namespace MailFromConsole.Benchmarks.Console10k;

/// <summary>
/// A local-AWS data folder holding the demo seeds plus N verified domains, made before the console starts: the
/// local server is started on the folder in this process, bulk-loaded (one transaction, no API rate limit) and
/// stopped, so the console later opens an existing database and lists it through the real SES API.
/// </summary>
internal sealed class BulkIdentitySeed : IDisposable
{
    private BulkIdentitySeed(string dataFolder) => DataFolder = dataFolder;

    public string DataFolder { get; }

    public static async Task<BulkIdentitySeed> CreateAsync(string region, int count, CancellationToken cancellationToken)
    {
        var seed = new BulkIdentitySeed(Path.Combine(Path.GetTempPath(), "mfc-bench-" + Guid.NewGuid().ToString("N")));
        var options = new LocalAwsOptions
        {
            DataFolder = seed.DataFolder,
            HttpPort = 0,
            EnableDnsAndDetection = false,
            SeedDemoData = true,
        };
        await using var server = await LocalAwsServer.StartAsync(options, NullLoggerFactory.Instance, cancellationToken);
        server.AddVerifiedIdentities(region, Enumerable.Range(0, count).Select(i => $"bulk{i:D5}.test"));
        return seed;
    }

    public void Dispose()
    {
        if (Directory.Exists(DataFolder)) Directory.Delete(DataFolder, recursive: true);
    }
}
