using MailFromConsole.LocalAws.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static MailFromConsole.LocalAws.Tests.Support.Route53Xml;

namespace MailFromConsole.LocalAws.Tests;

/// <summary>The whole local loop: SES API, Route 53 or the outside provider, the loopback DNS, and MX detection.</summary>
public sealed class DetectionEndToEndTests
{
    [Fact]
    public async Task MailFromPublishedThroughRoute53ReachesSuccess()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var aws = await LocalAwsFixture.StartAsync(o => o.EnableDnsAndDetection = true, time);
        var zone = await ZoneIdAsync(aws, "example.com.");
        await aws.SesAsync("SetIdentityMailFromDomain", ("Identity", "example.com"), ("MailFromDomain", "mail.example.com"), ("BehaviorOnMXFailure", "RejectMessage"));
        await aws.DetectionPassAsync();
        var before = await MailFromStatusAsync(aws, "example.com");

        (await aws.Route53Async(HttpMethod.Post, $"/2013-04-01/hostedzone/{zone}/rrset/", Batch(
            Change("CREATE", "mail.example.com", "MX", 300, "10 feedback-smtp.us-east-1.amazonses.com"),
            Change("CREATE", "mail.example.com", "TXT", 300, "\"v=spf1 include:amazonses.com ~all\"")))).ShouldSucceed();
        await aws.DetectionPassAsync();

        Assert.NotNull(aws.Server.DnsEndpoint);
        Assert.Equal("Pending", before);
        Assert.Equal("Success", await MailFromStatusAsync(aws, "example.com"));
    }

    [Fact]
    public async Task MailFromAddedByHandAtTheOutsideProviderReachesSuccess()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var aws = await LocalAwsFixture.StartAsync(o => o.EnableDnsAndDetection = true, time);
        await aws.SesAsync("SetIdentityMailFromDomain", ("Identity", LocalAwsSeeds.OutsideDnsDomain), ("MailFromDomain", "mail." + LocalAwsSeeds.OutsideDnsDomain));

        aws.Server.OutsideZones.AddRecord(LocalAwsSeeds.OutsideDnsDomain, "mail", "MX", "10 feedback-smtp.us-east-1.amazonses.com");
        await aws.DetectionPassAsync();

        Assert.Equal("Success", await MailFromStatusAsync(aws, LocalAwsSeeds.OutsideDnsDomain));
    }

    [Fact]
    public async Task TwoMxRecordsKeepTheSetupFromSucceeding()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var aws = await LocalAwsFixture.StartAsync(o => o.EnableDnsAndDetection = true, time);
        await aws.SesAsync("SetIdentityMailFromDomain", ("Identity", LocalAwsSeeds.TwoMxDomain), ("MailFromDomain", "mail." + LocalAwsSeeds.TwoMxDomain));

        await aws.DetectionPassAsync();

        Assert.Equal("Pending", await MailFromStatusAsync(aws, LocalAwsSeeds.TwoMxDomain));
    }

    private static async Task<string?> MailFromStatusAsync(LocalAwsFixture aws, string identity)
    {
        var answer = await aws.SesAsync("GetIdentityMailFromDomainAttributes", ("Identities.member.1", identity));
        return answer.Map("MailFromDomainAttributes")[identity].Element(AwsAnswer.Ses + "MailFromDomainStatus")?.Value;
    }
}
