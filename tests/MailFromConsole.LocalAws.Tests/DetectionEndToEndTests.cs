using DnsClient;
using MailFromConsole.LocalAws.Tests.Dns;
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

    [Fact]
    public async Task OfTwoAccountsZonesWithOneNameTheFirstCreatedIsTheOneDnsAndDetectionSee()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var aws = await LocalAwsFixture.StartAsync(o =>
        {
            o.EnableDnsAndDetection = true;
            TwoAccounts.Configure(o);
        }, time);
        var b = TwoAccounts.KeyB;
        var tokenA = (await aws.SesAsync("VerifyDomainIdentity", ("Domain", "shared.test"))).Value("VerificationToken")!;
        var tokenB = (await aws.SesSignedAsync(b, "VerifyDomainIdentity", ("Domain", "shared.test"))).Value("VerificationToken")!;
        var zoneA = await CreateZoneAsync(aws, Signing.Default, "shared.test", tokenA);
        await CreateZoneAsync(aws, b, "shared.test", tokenB);

        await aws.DetectionPassAsync();
        var servedFirst = await TxtAsync(aws, "_amazonses.shared.test");
        var statusesFirst = (await VerificationStatusAsync(aws, Signing.Default), await VerificationStatusAsync(aws, b));
        (await aws.Route53Async(HttpMethod.Post, $"/2013-04-01/hostedzone/{zoneA}/rrset/",
            Batch(Change("DELETE", "_amazonses.shared.test", "TXT", 300, $"\"{tokenA}\"")))).ShouldSucceed();
        (await aws.Route53Async(HttpMethod.Delete, $"/2013-04-01/hostedzone/{zoneA}")).ShouldSucceed();
        await aws.DetectionPassAsync();

        Assert.Equal([tokenA], servedFirst);
        Assert.Equal(("Success", "Pending"), statusesFirst);
        Assert.Equal([tokenB], await TxtAsync(aws, "_amazonses.shared.test"));
        Assert.Equal("Success", await VerificationStatusAsync(aws, b));
    }

    private static async Task<string> CreateZoneAsync(LocalAwsFixture aws, Signing signing, string name, string token)
    {
        var created = await aws.Route53SignedAsync(signing, HttpMethod.Post, "/2013-04-01/hostedzone", CreateZone(name, "ref-" + signing.AccessKey));
        created.ShouldSucceed();
        var id = created.Value("Id")!.Replace("/hostedzone/", "", StringComparison.Ordinal);
        (await aws.Route53SignedAsync(signing, HttpMethod.Post, $"/2013-04-01/hostedzone/{id}/rrset/",
            Batch(Change("CREATE", "_amazonses." + name, "TXT", 300, $"\"{token}\"")))).ShouldSucceed();
        return id;
    }

    private static async Task<string[]> TxtAsync(LocalAwsFixture aws, string name)
    {
        var answer = await LocalDns.Client(aws.Server.DnsEndpoint!).QueryAsync(name, QueryType.TXT);
        return [.. answer.Answers.TxtRecords().SelectMany(r => r.Text)];
    }

    private static async Task<string?> VerificationStatusAsync(LocalAwsFixture aws, Signing signing)
    {
        var answer = await aws.SesSignedAsync(signing, "GetIdentityVerificationAttributes", ("Identities.member.1", "shared.test"));
        return answer.Map("VerificationAttributes")["shared.test"].Element(AwsAnswer.Ses + "VerificationStatus")?.Value;
    }

    private static async Task<string?> MailFromStatusAsync(LocalAwsFixture aws, string identity)
    {
        var answer = await aws.SesAsync("GetIdentityMailFromDomainAttributes", ("Identities.member.1", identity));
        return answer.Map("MailFromDomainAttributes")[identity].Element(AwsAnswer.Ses + "MailFromDomainStatus")?.Value;
    }
}
