using MailFromConsole.Aws;
using MailFromConsole.Core.Route53;
using MailFromConsole.Core.Ses;
using MailFromConsole.LocalAws.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.LocalAws.Tests;

/// <summary>One local AWS and one console wire client for the whole table; every test leaves the state as it found it.</summary>
public sealed class HostileLocalAwsFixture : IAsyncLifetime
{
    private ServiceProvider clients = null!;

    internal LocalAwsFixture Aws { get; private set; } = null!;

    internal ISesClient Ses => clients.GetRequiredService<ISesClient>();

    internal IRoute53Client Route53 => clients.GetRequiredService<IRoute53Client>();

    internal string ZoneId { get; private set; } = "";

    internal IReadOnlyList<string> SeededIdentities { get; private set; } = [];

    internal IReadOnlyList<ResourceRecordSet> SeededRecordSets { get; private set; } = [];

    internal string? InitialState { get; set; }

    internal string? InitialStateWithIdentities { get; set; }

    public async Task InitializeAsync()
    {
        Aws = await LocalAwsFixture.StartAsync();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Aws:SesServiceUrl"] = Aws.Endpoint.ToString(),
            ["Aws:Route53ServiceUrl"] = Aws.Endpoint.ToString(),
            ["Aws:AccessKeyId"] = Aws.Options.AccessKeyId,
            ["Aws:SecretAccessKey"] = Aws.Options.SecretAccessKey,
            ["Aws:RateLimits:SesMailFromInterval"] = "00:00:00.001",
            ["Aws:RateLimits:SesOtherInterval"] = "00:00:00.001",
            ["Aws:RateLimits:Route53RequestsPerSecond"] = "10000",
            ["Aws:Retry:MaxRetryAttempts"] = "0",
        }).Build();
        clients = new ServiceCollection().AddLogging().AddAwsClients(configuration).BuildServiceProvider();
        ZoneId = await Route53Xml.ZoneIdAsync(Aws, "example.com.");
        SeededIdentities = [.. (await Aws.SesAsync("ListIdentities")).All("member").Select(m => m.Value)];
        SeededRecordSets = await Route53.ListResourceRecordSetsAsync(ZoneId, null, null);
    }

    public async Task DisposeAsync()
    {
        await clients.DisposeAsync();
        await Aws.DisposeAsync();
    }
}
