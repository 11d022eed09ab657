using MailFromConsole.Testing;
using Npgsql;

namespace MailFromConsole.EndToEnd;

/// <summary>
/// Two console processes on one PostgreSQL database (a fresh one on the tests' server, <see cref="TestPostgres"/>),
/// configured alike as behind a load balancer (the same configured users), and one Chromium for them: A runs the
/// embedded local AWS; B uses A's local AWS as "real" AWS. B starts first, so it is the leader (it sweeps SES) and
/// A's local AWS stays up when the leader is killed. A trusts a reverse proxy on loopback (<see cref="ProxyClient"/>
/// stands for the client behind it); B trusts none and logs JSON.
/// </summary>
public sealed class TwoInstancesFixture : IAsyncLifetime
{
    private readonly string _database = "mfc_e2e_" + Guid.NewGuid().ToString("N");
    private readonly int _localAwsPort = ConsoleApp.FreeTcpPort();

    public ConsoleApp A { get; private set; } = null!;

    public ConsoleApp B { get; private set; } = null!;

    public Browser Browser { get; } = new();

    public const string LeaderLog = "Account view: this instance sweeps SES now";

    /// <summary>The client's address a reverse proxy names in X-Forwarded-For (a documentation address).</summary>
    public const string ProxyClient = "203.0.113.7";

    public async Task InitializeAsync()
    {
        // Chromium starts beside the consoles: neither needs the other.
        var browser = Browser.InitializeAsync();
        await using (var server = new NpgsqlConnection(TestPostgres.ServerConnectionString))
        {
            await server.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{_database}\"", server);
            await create.ExecuteNonQueryAsync();
        }
        B = await StartBAsync();
        await WaitForLogAsync(B, LeaderLog, TimeSpan.FromSeconds(30));
        A = await ConsoleApp.StartAsync(new Dictionary<string, string>(Shared)
        {
            ["LocalAws:HttpPort"] = _localAwsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
        });
        await browser;
    }

    public static async Task WaitForLogAsync(ConsoleApp app, string text, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (!app.Output.Contains(text, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"'{text}' not logged within {within.TotalSeconds} s:\n{app.Output}");
            await Task.Delay(100);
        }
    }

    public async Task DisposeAsync()
    {
        // Also after a failed start: whatever did start is stopped.
        await Browser.DisposeAsync();
        if (A is not null) await A.DisposeAsync();
        if (B is not null) await B.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var server = new NpgsqlConnection(TestPostgres.ServerConnectionString);
        await server.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_database}\" WITH (FORCE)", server);
        await drop.ExecuteNonQueryAsync();
    }

    private Dictionary<string, string> Shared => new()
    {
        ["Storage:Provider"] = "Postgres",
        ["ConnectionStrings:Console"] = new NpgsqlConnectionStringBuilder(TestPostgres.ServerConnectionString) { Database = _database }.ConnectionString,
    };

    private Task<ConsoleApp> StartBAsync()
    {
        var localAws = $"http://127.0.0.1:{_localAwsPort}";
        return ConsoleApp.StartAsync(new Dictionary<string, string>(Shared)
        {
            ["Aws:Backend"] = "Aws",
            ["Aws:SesServiceUrl"] = localAws,
            ["Aws:Route53ServiceUrl"] = localAws,
            ["Aws:AccessKeyId"] = "test",
            ["Aws:SecretAccessKey"] = "test",
            ["Logging:Console:FormatterName"] = "json",
        });
    }
}
