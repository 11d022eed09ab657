using MailFromConsole.LocalAws;
using MailFromConsole.Web.Infrastructure.Operations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MailFromConsole.Web.Tests.Infrastructure.Hosting;

/// <summary>
/// <c>/healthz/ready</c>'s checks as the app registers them, against the local AWS over HTTP: a load balancer stops sending
/// users to an instance whose SES or database cannot be used, and is told which one and why.
/// </summary>
public sealed class ReadinessTests
{
    private static async Task<LocalBackendHost> StartAsync(IEnumerable<KeyValuePair<string, string?>>? settings = null) =>
        await LocalBackendHost.StartAsync(
            server: o => o.EnableDnsAndDetection = false,
            settings: [new("Aws:Retry:MaxRetryAttempts", "0"), .. settings ?? []],
            services: c => c.AddConsoleOperations(new ConfigurationBuilder().Build()));

    private static Task<HealthReport> ReadinessAsync(LocalBackendHost host) =>
        host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(check => check.Tags.Contains("ready"));

    [Fact]
    public async Task AnInstanceWhoseSesFailsIsNotReadyAndSaysSoUntilSesAnswersAgain()
    {
        await using var host = await StartAsync();
        Assert.Equal(HealthStatus.Healthy, (await ReadinessAsync(host)).Status);

        host.Server.InjectFault(new FaultRule { Kind = FaultKind.ServerError, Service = "ses", Action = "ListIdentities" });
        var failing = await ReadinessAsync(host);
        host.Server.ClearFaults();
        var recovered = await ReadinessAsync(host);

        Assert.Equal(HealthStatus.Unhealthy, failing.Status);
        Assert.Equal(HealthStatus.Healthy, failing.Entries["database"].Status);
        Assert.StartsWith("SES in us-east-1 refused:", failing.Entries["aws"].Description);
        Assert.Equal(HealthStatus.Healthy, recovered.Status);
    }

    [Fact]
    public async Task AnInstanceWhoseDatabaseCannotBeReachedIsNotReadyAndNamesTheDatabaseWithoutItsPassword()
    {
        // Port 1 on loopback: nothing listens, the connection is refused at once.
        await using var host = await StartAsync([
            new("Storage:Provider", "Postgres"),
            new("ConnectionStrings:Console", "Host=127.0.0.1;Port=1;Database=mailfrom;Username=mailfrom;Password=secret-password;Timeout=3"),
        ]);

        var report = await ReadinessAsync(host);

        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        var database = report.Entries["database"];
        Assert.Equal(HealthStatus.Unhealthy, database.Status);
        Assert.Contains("cannot be used", database.Description);
        Assert.DoesNotContain("secret-password", database.Description);
    }
}
