using MailFromConsole.Aws;
using MailFromConsole.Core;
using MailFromConsole.Core.Ses;
using MailFromConsole.LocalAws;
using MailFromConsole.Web.Features.View;
using MailFromConsole.Web.Features.View.Storage;
using MailFromConsole.Web.Tests.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace MailFromConsole.Web.Tests.Infrastructure.Cluster;

/// <summary>Two console instances on one PostgreSQL database: one account view between them, and AWS's limits kept together.</summary>
public sealed class InstancesOnOneDatabaseTests(PostgresStorageFixture fixture) : IClassFixture<PostgresStorageFixture>
{
    private const string Region = "us-east-1";

    [Fact]
    public async Task AChangeTheConsoleMadeOnOneInstanceIsInTheOtherInstancesViewWithinTwoSeconds()
    {
        var settings = await fixture.NewDatabaseSettingsAsync();
        await using var a = await ClusterInstance.StartAsync(settings, AddAccountView);
        await using var b = await ClusterInstance.StartAsync(settings, AddAccountView);
        var viewOnB = b.Services.GetRequiredService<AccountView>();
        var told = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        viewOnB.Changed += change => { if (change.Identities.Contains("example.com")) told.TrySetResult(); };

        await a.Services.GetRequiredService<AccountView>().ChangedByConsoleAsync(Region, "example.com",
            s => s with { MailFrom = new IdentityMailFromDomainAttributes("mail.example.com", CustomMailFromStatus.Pending, BehaviorOnMxFailure.RejectMessage) });

        await told.Task.WaitAsync(TimeSpan.FromSeconds(2));
        Assert.Equal("mail.example.com", viewOnB.Find(Region, "example.com")?.MailFrom?.MailFromDomain);
    }

    [Fact]
    public async Task TheOtherInstanceShowsWhatTheLeaderListedAndThatTheListingIsComplete()
    {
        var settings = await fixture.NewDatabaseSettingsAsync();
        await using var leader = await ClusterInstance.StartAsync(settings, AddAccountView);
        await using var other = await ClusterInstance.StartAsync(settings, AddAccountView);
        var viewOnOther = other.Services.GetRequiredService<AccountView>();
        var complete = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        viewOnOther.Changed += _ => { if (viewOnOther.Progress(Region).ListingComplete) complete.TrySetResult(); };

        var view = leader.Services.GetRequiredService<AccountView>();
        await view.ListedAsync(Region, ["a.example", "b.example"], firstPage: true, lastPage: false, CancellationToken.None);
        await view.ListedAsync(Region, ["c@a.example"], firstPage: false, lastPage: true, CancellationToken.None);

        await complete.Task.WaitAsync(TimeSpan.FromSeconds(2));
        Assert.Equal(["a.example", "b.example", "c@a.example"], viewOnOther.Identities(Region).Select(i => i.Identity).Order(StringComparer.Ordinal));
        Assert.Equal(3, viewOnOther.Progress(Region).Listed);
    }

    [Fact]
    public async Task RequestsOfTwoInstancesTogetherStayWithinSesOneRequestPerSecondAndAreNeverThrottled()
    {
        // The local AWS enforces SES's documented limit (1 request/second per region and operation, no burst), and the
        // clients do not retry, so a request that came too soon after the other instance's would fail with Throttling.
        using var folder = new TempFolder();
        await using var aws = await LocalAwsServer.StartAsync(
            new LocalAwsOptions
            {
                DataFolder = folder.Path,
                HttpPort = 0,
                DnsPort = 0,
                EnableDnsAndDetection = false,
                EnforceRateLimits = true,
            }, NullLoggerFactory.Instance, CancellationToken.None);
        var settings = await fixture.NewDatabaseSettingsAsync();
        settings["Aws:SesServiceUrl"] = aws.HttpEndpoint.ToString();
        settings["Aws:Route53ServiceUrl"] = aws.HttpEndpoint.ToString();
        settings["Aws:AccessKeyId"] = "test";
        settings["Aws:SecretAccessKey"] = "test";
        settings["Aws:Retry:MaxRetryAttempts"] = "0";
        // Spaced 1.3 s instead of 1.02 s: what is tested is that two instances take turns, not how little margin
        // absorbs a loaded machine's delay between a request's turn and its arrival.
        settings["Aws:RateLimits:SesMailFromInterval"] = "00:00:01.300";
        await using var a = await ClusterInstance.StartAsync(settings, (services, configuration) => services.AddAwsClients(configuration));
        await using var b = await ClusterInstance.StartAsync(settings, (services, configuration) => services.AddAwsClients(configuration));

        // Each instance's first request alone: a process's very first one can take a second to reach the wire after
        // its own limiter let it go (that is one process's limit, not two instances').
        var failures = new List<string>();
        foreach (var instance in new[] { a, b })
            await CallAsync(instance, failures);

        await Task.WhenAll(new[] { a, b, a, b, a, b }.Select(instance => CallAsync(instance, failures)));

        Assert.Empty(failures);
    }

    private static async Task CallAsync(ClusterInstance instance, List<string> failures)
    {
        try
        {
            await instance.Services.GetRequiredService<ISesClient>().GetIdentityMailFromDomainAttributesAsync(Region, ["example.com"]);
        }
        catch (AwsServiceException ex)
        {
            lock (failures) failures.Add(ex.ErrorCode);
        }
    }

    private static void AddAccountView(IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IAccountViewStore, EfAccountViewStore>();
        services.AddSingleton<AccountView>();
    }
}
