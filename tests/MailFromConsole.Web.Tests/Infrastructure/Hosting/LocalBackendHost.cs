using MailFromConsole.LocalAws;
using MailFromConsole.Web.Features.View;
using MailFromConsole.Web.Infrastructure.Hosting;
using MailFromConsole.Web.Tests.Features.View;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MailFromConsole.Web.Tests.Infrastructure.Hosting;

/// <summary>
/// The embedded local AWS on loopback, with its seeded demo account, in a temporary data folder, and the console
/// services as the app wires them (AddApplicationServices: real SigV4 wire clients) against it, run by the signed-in
/// test user. Disposing stops both and deletes the folder.
/// </summary>
public sealed class LocalBackendHost : IAsyncDisposable
{
    private readonly string dataFolder;
    private readonly LocalAwsServer server;

    private readonly Func<ServiceProvider> build;

    private LocalBackendHost(string dataFolder, LocalAwsServer server, Func<ServiceProvider> build)
    {
        this.dataFolder = dataFolder;
        this.server = server;
        this.build = build;
        Services = build();
    }

    public ServiceProvider Services { get; private set; }

    /// <summary>Stops the console's services and starts new ones on the same console database and local AWS (a restart).</summary>
    public async Task RestartConsoleAsync()
    {
        await Services.DisposeAsync();
        Services = build();
    }

    /// <summary>The local AWS itself (faults, mailbox).</summary>
    public LocalAwsServer Server => server;

    /// <param name="server">Changes to the local AWS options (no rate limits, free ports, demo data by default).</param>
    /// <param name="settings">Console settings added over <see cref="TestServices.Configuration"/> and the local AWS endpoint.</param>
    /// <param name="services">Registrations added after the app's own.</param>
    public static async Task<LocalBackendHost> StartAsync(
        Action<LocalAwsOptions>? server = null,
        IEnumerable<KeyValuePair<string, string?>>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), "mfc-web-local-" + Guid.NewGuid().ToString("N"));
        var options = new LocalAwsOptions
        {
            DataFolder = dataFolder,
            HttpPort = 0,
            DnsPort = 0,
            SeedDemoData = true,
            EnforceRateLimits = false,
        };
        server?.Invoke(options);
        var running = await LocalAwsServer.StartAsync(options, NullLoggerFactory.Instance, CancellationToken.None);
        var configuration = new ConfigurationBuilder()
            .AddConfiguration(TestServices.Configuration())
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Aws:SesServiceUrl"] = running.HttpEndpoint.ToString(),
                ["Aws:Route53ServiceUrl"] = running.HttpEndpoint.ToString(),
                ["Aws:StsServiceUrl"] = running.HttpEndpoint.ToString(),
                ["Aws:AccessKeyId"] = options.AccessKeyId,
                ["Aws:SecretAccessKey"] = options.SecretAccessKey,
                ["Auth:DataFolder"] = Path.Combine(dataFolder, "console"),
            })
            .AddInMemoryCollection(settings ?? [])
            .Build();
        ServiceProvider Build()
        {
            var collection = new ServiceCollection();
            collection.AddSingleton<IConfiguration>(configuration);
            collection.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
            // First, so the signed-in test user is the AuthenticationStateProvider (Razor components only add theirs if none).
            collection.AddTestUserAndAuditLog();
            collection.AddApplicationServices(configuration);
            services?.Invoke(collection);
            return collection.BuildServiceProvider();
        }
        return new LocalBackendHost(dataFolder, running, Build);
    }

    /// <summary>Runs the console's sweeper over the region once, as the app does in the background.</summary>
    public Task SweepAsync(string region) =>
        SweepToTheEnd.RunAsync(Services.GetRequiredService<AccountViewSweeper>(), Services.GetRequiredService<AccountView>(), region, withDns: false);

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await server.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(dataFolder, recursive: true);
    }
}
