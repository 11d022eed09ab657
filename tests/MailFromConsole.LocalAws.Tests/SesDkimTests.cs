using System.Net;
using System.Xml.Linq;
using MailFromConsole.LocalAws.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static MailFromConsole.LocalAws.Tests.Support.Route53Xml;

namespace MailFromConsole.LocalAws.Tests;

/// <summary>Easy DKIM through the SES Query API: tokens, attributes, signing switch, and detection through the local DNS.</summary>
public sealed class SesDkimTests
{
    private static readonly XNamespace Ses = AwsAnswer.Ses;

    [Fact]
    public async Task VerifyDomainDkimReturnsThreeTokensThatStayTheSameForTheIdentity()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        var first = await aws.SesAsync("VerifyDomainDkim", ("Domain", "Example.com."));
        var again = await aws.SesAsync("VerifyDomainDkim", ("Domain", "example.com"));

        var tokens = first.All("DkimTokens").Single().Elements(Ses + "member").Select(m => m.Value).ToList();
        Assert.Equal(3, tokens.Count);
        Assert.All(tokens, t => Assert.Matches("^[a-z2-7]{32}$", t));
        Assert.Equal(3, tokens.Distinct().Count());
        Assert.Equal(tokens, again.All("DkimTokens").Single().Elements(Ses + "member").Select(m => m.Value));
    }

    [Fact]
    public async Task VerifyDomainDkimAddsAnUnknownDomainAsAPendingIdentity()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        (await aws.SesAsync("VerifyDomainDkim", ("Domain", "new.example.com"))).ShouldSucceed();
        var list = await aws.SesAsync("ListIdentities", ("IdentityType", "Domain"));
        var verification = await aws.SesAsync("GetIdentityVerificationAttributes", ("Identities.member.1", "new.example.com"));

        Assert.Contains("new.example.com", list.All("member").Select(m => m.Value));
        Assert.Equal("Pending", verification.Map("VerificationAttributes")["new.example.com"].Element(Ses + "VerificationStatus")?.Value);
    }

    [Fact]
    public async Task DkimAttributesShowEnabledPendingWithTokensAndNotStartedForOthers()
    {
        await using var aws = await LocalAwsFixture.StartAsync();
        var tokens = await TokensAsync(aws, "example.com");

        var answer = await aws.SesAsync("GetIdentityDkimAttributes",
            ("Identities.member.1", "example.com"), ("Identities.member.2", "spf-conflict.test"),
            ("Identities.member.3", "user@example.com"), ("Identities.member.4", "nobody.test"));

        var map = answer.Map("DkimAttributes");
        Assert.Equal(["example.com", "spf-conflict.test", "user@example.com"], map.Keys.Order());
        Assert.Equal("true", map["example.com"].Element(Ses + "DkimEnabled")?.Value);
        Assert.Equal("Pending", map["example.com"].Element(Ses + "DkimVerificationStatus")?.Value);
        Assert.Equal(tokens, map["example.com"].Element(Ses + "DkimTokens")!.Elements(Ses + "member").Select(m => m.Value));
        Assert.Equal("false", map["spf-conflict.test"].Element(Ses + "DkimEnabled")?.Value);
        Assert.Equal("NotStarted", map["spf-conflict.test"].Element(Ses + "DkimVerificationStatus")?.Value);
        Assert.Null(map["spf-conflict.test"].Element(Ses + "DkimTokens"));
        // An address shows the tokens of its domain.
        Assert.Equal(tokens, map["user@example.com"].Element(Ses + "DkimTokens")!.Elements(Ses + "member").Select(m => m.Value));
    }

    [Fact]
    public async Task RefusesMoreThanOneHundredIdentitiesInOneDkimAttributesCall()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        var answer = await aws.SesAsync("GetIdentityDkimAttributes",
            [.. Enumerable.Range(1, 101).Select(i => ($"Identities.member.{i}", $"d{i}.example.com"))]);

        answer.ShouldFail(HttpStatusCode.BadRequest, "InvalidParameterValue");
    }

    [Fact]
    public async Task SetIdentityDkimEnabledTurnsSigningOffAndOn()
    {
        await using var aws = await LocalAwsFixture.StartAsync();
        await TokensAsync(aws, "example.com");

        (await aws.SesAsync("SetIdentityDkimEnabled", ("Identity", "example.com"), ("DkimEnabled", "false"))).ShouldSucceed();
        var off = await EnabledAsync(aws, "example.com");
        (await aws.SesAsync("SetIdentityDkimEnabled", ("Identity", "user@example.com"), ("DkimEnabled", "true"))).ShouldSucceed();

        Assert.Equal("false", off);
        Assert.Equal("true", await EnabledAsync(aws, "user@example.com"));
    }

    [Fact]
    public async Task SigningCannotBeEnabledWithoutEasyDkimOrForAnUnknownIdentity()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        var address = await aws.SesAsync("SetIdentityDkimEnabled", ("Identity", "user@example.com"), ("DkimEnabled", "true"));
        var unknown = await aws.SesAsync("SetIdentityDkimEnabled", ("Identity", "nobody.test"), ("DkimEnabled", "true"));
        var notABoolean = await aws.SesAsync("SetIdentityDkimEnabled", ("Identity", "example.com"), ("DkimEnabled", "yes"));

        address.ShouldFail(HttpStatusCode.BadRequest, "InvalidParameterValue");
        unknown.ShouldFail(HttpStatusCode.BadRequest, "InvalidParameterValue");
        notABoolean.ShouldFail(HttpStatusCode.BadRequest, "InvalidParameterValue");
        Assert.Equal("false", await EnabledAsync(aws, "user@example.com"));
    }

    [Fact]
    public async Task DeleteIdentityRemovesItsDkimState()
    {
        await using var aws = await LocalAwsFixture.StartAsync();
        var before = await TokensAsync(aws, "example.com");

        (await aws.SesAsync("DeleteIdentity", ("Identity", "example.com"))).ShouldSucceed();
        var gone = await aws.SesAsync("GetIdentityDkimAttributes", ("Identities.member.1", "example.com"));
        var after = await TokensAsync(aws, "example.com");

        Assert.Empty(gone.Map("DkimAttributes"));
        Assert.Empty(before.Intersect(after));
    }

    [Fact]
    public async Task DkimCnamesPublishedThroughRoute53VerifyTheDomainThroughTheRealDnsServer()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var aws = await LocalAwsFixture.StartAsync(o => o.EnableDnsAndDetection = true, time);
        var zone = await ZoneIdAsync(aws, "pending.test.");
        var tokens = await TokensAsync(aws, LocalAwsSeeds.PendingDomain);
        await aws.DetectionPassAsync();
        var before = await DkimStatusAsync(aws, LocalAwsSeeds.PendingDomain);

        (await aws.Route53Async(HttpMethod.Post, $"/2013-04-01/hostedzone/{zone}/rrset/", Batch(
            [.. tokens.Select(t => Change("CREATE", $"{t}._domainkey.pending.test", "CNAME", 1800, $"{t}.dkim.amazonses.com"))]))).ShouldSucceed();
        await aws.DetectionPassAsync();

        var verification = await aws.SesAsync("GetIdentityVerificationAttributes", ("Identities.member.1", LocalAwsSeeds.PendingDomain));
        Assert.Equal("Pending", before);
        Assert.Equal("Success", await DkimStatusAsync(aws, LocalAwsSeeds.PendingDomain));
        // A domain whose DKIM succeeded may send (VerifyDomainDkim's documentation): it counts as verified.
        Assert.Equal("Success", verification.Map("VerificationAttributes")[LocalAwsSeeds.PendingDomain].Element(Ses + "VerificationStatus")?.Value);
    }

    [Fact]
    public async Task DkimFailsWhenTheWindowEndsWithoutTheRecordsAndWhenTheyAreRemovedAfterSuccess()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var aws = await LocalAwsFixture.StartAsync(o => o.EnableDnsAndDetection = true, time);
        var zone = await ZoneIdAsync(aws, "example.com.");
        await TokensAsync(aws, "spf-conflict.test");
        var tokens = await TokensAsync(aws, "example.com");
        (await aws.Route53Async(HttpMethod.Post, $"/2013-04-01/hostedzone/{zone}/rrset/", Batch(
            [.. tokens.Select(t => Change("CREATE", $"{t}._domainkey.example.com", "CNAME", 1800, $"{t}.dkim.amazonses.com"))]))).ShouldSucceed();
        await aws.DetectionPassAsync();
        var succeeded = await DkimStatusAsync(aws, "example.com");

        (await aws.Route53Async(HttpMethod.Post, $"/2013-04-01/hostedzone/{zone}/rrset/", Batch(
            Change("DELETE", $"{tokens[0]}._domainkey.example.com", "CNAME", 1800, $"{tokens[0]}.dkim.amazonses.com")))).ShouldSucceed();
        time.Advance(aws.Options.DetectionWindow);
        await aws.DetectionPassAsync();

        Assert.Equal("Success", succeeded);
        Assert.Equal("Failed", await DkimStatusAsync(aws, "example.com"));
        Assert.Equal("Failed", await DkimStatusAsync(aws, "spf-conflict.test"));
    }

    [Fact]
    public async Task TheReadyDemoDomainHasEasyDkimInSuccessThatItsPublishedCnamesKeep()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var aws = await LocalAwsFixture.StartAsync(o => o.EnableDnsAndDetection = true, time);

        time.Advance(aws.Options.DetectionWindow);
        await aws.DetectionPassAsync();

        var map = (await aws.SesAsync("GetIdentityDkimAttributes", ("Identities.member.1", LocalAwsSeeds.ReadyDomain))).Map("DkimAttributes");
        Assert.Equal("true", map[LocalAwsSeeds.ReadyDomain].Element(Ses + "DkimEnabled")?.Value);
        Assert.Equal("Success", map[LocalAwsSeeds.ReadyDomain].Element(Ses + "DkimVerificationStatus")?.Value);
        Assert.Equal(LocalAwsSeeds.ReadyDkimTokens, map[LocalAwsSeeds.ReadyDomain].Element(Ses + "DkimTokens")!.Elements(Ses + "member").Select(m => m.Value));
        Assert.All(LocalAwsSeeds.ReadyDkimTokens, t => Assert.Matches("^[a-z2-7]{32}$", t));
    }

    private static async Task<List<string>> TokensAsync(LocalAwsFixture aws, string domain)
    {
        var answer = await aws.SesAsync("VerifyDomainDkim", ("Domain", domain));
        answer.ShouldSucceed();
        return [.. answer.All("DkimTokens").Single().Elements(Ses + "member").Select(m => m.Value)];
    }

    private static async Task<string?> DkimStatusAsync(LocalAwsFixture aws, string identity) =>
        (await aws.SesAsync("GetIdentityDkimAttributes", ("Identities.member.1", identity)))
            .Map("DkimAttributes")[identity].Element(Ses + "DkimVerificationStatus")?.Value;

    private static async Task<string?> EnabledAsync(LocalAwsFixture aws, string identity) =>
        (await aws.SesAsync("GetIdentityDkimAttributes", ("Identities.member.1", identity)))
            .Map("DkimAttributes")[identity].Element(Ses + "DkimEnabled")?.Value;
}
