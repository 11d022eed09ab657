using MailFromConsole.LocalAws.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace MailFromConsole.LocalAws.Tests;

public sealed class HostingTests
{
    [Fact]
    public async Task ServerStartsWithOptionsFromTheLocalAwsSection()
    {
        var root = Path.Combine(Path.GetTempPath(), "localaws-host-" + Guid.NewGuid().ToString("N"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["LocalAws:DataFolder"] = "data",
            ["LocalAws:EnableDnsAndDetection"] = "false",
            ["LocalAws:ChangePropagationDelay"] = "00:00:03",
            ["LocalAws:Faults:0:Kind"] = "Throttling",
            ["LocalAws:Faults:0:Action"] = "DeleteIdentity",
        }).Build();

        var options = LocalAwsOptions.FromConfiguration(configuration, root);
        var server = await LocalAwsServer.StartAsync(options, NullLoggerFactory.Instance, CancellationToken.None);
        await server.DisposeAsync();

        Assert.Equal(Path.Combine(root, "data", "local-aws.db"), server.DatabasePath);
        Assert.Equal(TimeSpan.FromSeconds(3), options.ChangePropagationDelay);
        Assert.Equal(FaultKind.Throttling, Assert.Single(options.Faults).Kind);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(root, recursive: true);
    }

    [Fact]
    public async Task ServesTheOutsideDnsPageBesideTheAwsApis()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        using var page = await aws.GetAsync("/_local/outside-dns");
        var html = await page.Content.ReadAsStringAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(LocalAwsSeeds.OutsideDnsDomain, html);
        (await aws.SesAsync("ListIdentities")).ShouldSucceed();
    }

    [Fact]
    public async Task ABusyDnsPortFailsTheStartAndReleasesTheHttpPort()
    {
        await using var first = await LocalAwsFixture.StartAsync(o => o.EnableDnsAndDetection = true);
        var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        var httpPort = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        await Assert.ThrowsAnyAsync<System.Net.Sockets.SocketException>(() => LocalAwsFixture.StartAsync(o =>
        {
            o.EnableDnsAndDetection = true;
            o.HttpPort = httpPort;
            o.DnsPort = first.Server.DnsEndpoint!.Port;
        }));

        var again = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, httpPort);
        again.Start();
        again.Stop();
    }
}
