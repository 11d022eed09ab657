using MailFromConsole.Core.Ses;
using MailFromConsole.LocalAws.Store;
using MailFromConsole.LocalAws.Tests.Support;
using static MailFromConsole.LocalAws.Tests.Support.Route53Xml;

namespace MailFromConsole.LocalAws.Tests;

public sealed class PersistenceTests
{
    [Fact]
    public async Task RestartOnTheSameFolderKeepsEveryChange()
    {
        await using var aws = await LocalAwsFixture.StartAsync();
        var zone = await ZoneIdAsync(aws, "example.com.");
        await aws.SesAsync("SetIdentityMailFromDomain", ("Identity", "example.com"), ("MailFromDomain", "mail.example.com"), ("BehaviorOnMXFailure", "RejectMessage"));
        await aws.SesAsync("DeleteIdentity", ("Identity", LocalAwsSeeds.FailedDomain));
        await aws.SesAsync("VerifyEmailIdentity", ("EmailAddress", "kept@example.net"));
        var change = await aws.Route53Async(HttpMethod.Post, $"/2013-04-01/hostedzone/{zone}/rrset/", Batch(
            Change("CREATE", "mail.example.com", "MX", 300, "10 feedback-smtp.us-east-1.amazonses.com")));

        await aws.RestartAsync();

        var attributes = await aws.SesAsync("GetIdentityMailFromDomainAttributes", ("Identities.member.1", "example.com"));
        var value = attributes.Map("MailFromDomainAttributes")["example.com"];
        Assert.Equal("mail.example.com", value.Element(AwsAnswer.Ses + "MailFromDomain")?.Value);
        Assert.Equal("RejectMessage", value.Element(AwsAnswer.Ses + "BehaviorOnMXFailure")?.Value);
        var identities = await aws.SesAsync("ListIdentities");
        Assert.DoesNotContain(LocalAwsSeeds.FailedDomain, identities.All("member").Select(m => m.Value));
        Assert.Contains("kept@example.net", identities.All("member").Select(m => m.Value));
        Assert.Contains(aws.Server.Mailbox(), m => m.Kind == MailboxKind.Verification && m.Recipients.Contains("kept@example.net"));
        Assert.Contains(aws.Server.ZoneData.RecordsAt("example.com.", "mail.example.com."), r => r.Type == "MX");
        (await aws.Route53Async(HttpMethod.Get, "/2013-04-01" + change.Value("Id"))).ShouldSucceed();
    }

    [Fact]
    public async Task SeedsOnlyOnTheFirstRun()
    {
        await using var aws = await LocalAwsFixture.StartAsync();
        var zonesBefore = (await aws.Route53Async(HttpMethod.Get, "/2013-04-01/hostedzonesbyname")).All("HostedZone").Count();

        await aws.RestartAsync();

        var zonesAfter = (await aws.Route53Async(HttpMethod.Get, "/2013-04-01/hostedzonesbyname")).All("HostedZone").Count();
        Assert.Equal(zonesBefore, zonesAfter);
    }

    [Fact]
    public async Task StartsEmptyWhenSeedingIsOff()
    {
        await using var aws = await LocalAwsFixture.StartAsync(o => o.SeedDemoData = false);

        var identities = await aws.SesAsync("ListIdentities");

        Assert.Empty(identities.All("member"));
        Assert.Empty(aws.Server.ZoneData.ZoneApexes());
    }

    [Fact]
    public async Task SeedsCoverEveryConsolePath()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        var attributes = await aws.SesAsync("GetIdentityVerificationAttributes",
            ("Identities.member.1", LocalAwsSeeds.ExampleDomain), ("Identities.member.2", LocalAwsSeeds.ExampleEmail),
            ("Identities.member.3", LocalAwsSeeds.PendingDomain), ("Identities.member.4", LocalAwsSeeds.FailedDomain),
            ("Identities.member.5", LocalAwsSeeds.OutsideDnsDomain));
        var status = attributes.Map("VerificationAttributes").ToDictionary(kv => kv.Key, kv => kv.Value.Element(AwsAnswer.Ses + "VerificationStatus")!.Value);

        Assert.Equal("Success", status[LocalAwsSeeds.ExampleDomain]);
        Assert.Equal("Success", status[LocalAwsSeeds.ExampleEmail]);
        Assert.Equal("Pending", status[LocalAwsSeeds.PendingDomain]);
        Assert.Equal("Failed", status[LocalAwsSeeds.FailedDomain]);
        Assert.Equal(LocalAwsSeeds.VerificationToken(LocalAwsSeeds.Region, LocalAwsSeeds.OutsideDnsDomain),
            attributes.Map("VerificationAttributes")[LocalAwsSeeds.OutsideDnsDomain].Element(AwsAnswer.Ses + "VerificationToken")?.Value);
        var apexes = aws.Server.ZoneData.ZoneApexes();
        Assert.DoesNotContain(LocalAwsSeeds.OutsideDnsDomain + ".", apexes);
        Assert.Contains(LocalAwsSeeds.ExampleDomain + ".", apexes);
        Assert.Equal(2, aws.Server.ZoneData.RecordsAt("two-mx.test.", "mail.two-mx.test.").Count(r => r.Type == "MX"));
        Assert.Contains(aws.Server.ZoneData.RecordsAt("spf-conflict.test.", "mail.spf-conflict.test."), r => r.Value == LocalAwsSeeds.ConflictingSpfValue);
        Assert.Equal(2, aws.Server.ZoneData.RecordsAt("example.com.", "_amazonses.example.com.").Count);
        Assert.Contains(aws.Server.DetectionStore.MailFromSetups(), s => s.MailFromDomain == LocalAwsSeeds.ReadyMailFromDomain && s.Status == CustomMailFromStatus.Success);
    }
}
