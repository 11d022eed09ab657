using System.Net;
using MailFromConsole.LocalAws.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace MailFromConsole.LocalAws.Tests;

public sealed class SesMailFromTests
{
    [Fact]
    public async Task SetsMailFromDomainAndReportsItPendingWithTheChosenBehaviour()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        var set = await aws.SesAsync("SetIdentityMailFromDomain",
            ("Identity", "example.com"), ("MailFromDomain", "mail.example.com"), ("BehaviorOnMXFailure", "RejectMessage"));
        set.ShouldSucceed();
        Assert.Equal(AwsAnswer.Ses, set.Ns);
        Assert.NotNull(set.Value("RequestId"));

        var get = await aws.SesAsync("GetIdentityMailFromDomainAttributes", ("Identities.member.1", "example.com"));
        var attributes = get.Map("MailFromDomainAttributes")["example.com"];
        Assert.Equal("mail.example.com", attributes.Element(AwsAnswer.Ses + "MailFromDomain")?.Value);
        Assert.Equal("Pending", attributes.Element(AwsAnswer.Ses + "MailFromDomainStatus")?.Value);
        Assert.Equal("RejectMessage", attributes.Element(AwsAnswer.Ses + "BehaviorOnMXFailure")?.Value);
    }

    [Theory]
    [InlineData("example.com", "mail.other.com")]
    [InlineData("example.com", "mail.notexample.com")]
    [InlineData("example.com", "example.com")]
    [InlineData("user@example.com", "mail.example.org")]
    public async Task RejectsMailFromDomainThatIsNotAProperSubdomain(string identity, string mailFrom)
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        var answer = await aws.SesAsync("SetIdentityMailFromDomain", ("Identity", identity), ("MailFromDomain", mailFrom));

        answer.ShouldFail(HttpStatusCode.BadRequest, "InvalidParameterValue");
        Assert.Equal($"Provided MAIL-FROM domain <{mailFrom}> is not subdomain of the domain of the identity <{identity}>.", answer.ErrorMessage);
        var get = await aws.SesAsync("GetIdentityMailFromDomainAttributes", ("Identities.member.1", identity));
        Assert.Null(get.Map("MailFromDomainAttributes")[identity].Element(AwsAnswer.Ses + "MailFromDomain"));
    }

    [Fact]
    public async Task AcceptsSubdomainOfTheAddressDomainForAnEmailIdentity()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        var answer = await aws.SesAsync("SetIdentityMailFromDomain", ("Identity", "user@example.com"), ("MailFromDomain", "bounce.example.com"));

        answer.ShouldSucceed();
    }

    [Theory]
    [InlineData("nobody.test")]
    [InlineData(LocalAwsSeeds.PendingDomain)]
    public async Task RejectsMailFromForAnIdentityThatDoesNotExistOrIsNotVerified(string identity)
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        var answer = await aws.SesAsync("SetIdentityMailFromDomain", ("Identity", identity), ("MailFromDomain", "mail." + identity));

        answer.ShouldFail(HttpStatusCode.BadRequest, "InvalidParameterValue");
        Assert.Equal($"Identity '{identity}' does not exist.", answer.ErrorMessage);
    }

    [Fact]
    public async Task RejectsBehaviourOutsideTheEnumWithValidationError()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        var answer = await aws.SesAsync("SetIdentityMailFromDomain",
            ("Identity", "example.com"), ("MailFromDomain", "mail.example.com"), ("BehaviorOnMXFailure", "Bounce"));

        answer.ShouldFail(HttpStatusCode.BadRequest, "ValidationError");
        Assert.Contains("behaviorOnMXFailure", answer.ErrorMessage);
    }

    [Fact]
    public async Task MissingMailFromDomainDisablesTheCustomMailFrom()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        var disable = await aws.SesAsync("SetIdentityMailFromDomain", ("Identity", LocalAwsSeeds.ReadyDomain));

        disable.ShouldSucceed();
        var get = await aws.SesAsync("GetIdentityMailFromDomainAttributes", ("Identities.member.1", LocalAwsSeeds.ReadyDomain));
        var attributes = get.Map("MailFromDomainAttributes")[LocalAwsSeeds.ReadyDomain];
        Assert.Null(attributes.Element(AwsAnswer.Ses + "MailFromDomain"));
        Assert.Null(attributes.Element(AwsAnswer.Ses + "MailFromDomainStatus"));
    }

    [Fact]
    public async Task DisablingWhenNothingWasSetIsHarmless()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        var answer = await aws.SesAsync("SetIdentityMailFromDomain", ("Identity", "example.com"));

        answer.ShouldSucceed();
    }

    [Fact]
    public async Task SettingTheSameDomainAgainRestartsAFailedSetup()
    {
        await using var aws = await LocalAwsFixture.StartAsync();
        await aws.SesAsync("SetIdentityMailFromDomain", ("Identity", "example.com"), ("MailFromDomain", "mail.example.com"));
        var setup = Assert.Single(aws.Server.DetectionStore.MailFromSetups(), s => s.Identity == "example.com");
        aws.Server.DetectionStore.UpdateMailFromStatus(setup, Core.Ses.CustomMailFromStatus.Failed);

        await aws.SesAsync("SetIdentityMailFromDomain", ("Identity", "example.com"), ("MailFromDomain", "mail.example.com"));

        var get = await aws.SesAsync("GetIdentityMailFromDomainAttributes", ("Identities.member.1", "example.com"));
        Assert.Equal("Pending", get.Map("MailFromDomainAttributes")["example.com"].Element(AwsAnswer.Ses + "MailFromDomainStatus")?.Value);
    }

    [Fact]
    public async Task RefusesMoreThanOneHundredIdentitiesInOneAttributesCall()
    {
        await using var aws = await LocalAwsFixture.StartAsync();
        var identities = Enumerable.Range(1, 101).Select(i => ($"Identities.member.{i}", $"d{i}.test")).ToArray();

        var answer = await aws.SesAsync("GetIdentityMailFromDomainAttributes", identities);
        var hundred = await aws.SesAsync("GetIdentityMailFromDomainAttributes", identities[..100]);

        answer.ShouldFail(HttpStatusCode.BadRequest, "InvalidParameterValue");
        hundred.ShouldSucceed();
    }

    [Fact]
    public async Task LeavesUnknownIdentitiesOutOfTheAttributesMap()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        var answer = await aws.SesAsync("GetIdentityMailFromDomainAttributes",
            ("Identities.member.1", "example.com"), ("Identities.member.2", "unknown.test"));

        Assert.Equal(["example.com"], answer.Map("MailFromDomainAttributes").Keys);
    }

    [Fact]
    public async Task KeepsMailFromSettingsPerRegion()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        await aws.SesInRegionAsync("eu-west-1", "SetIdentityMailFromDomain", ("Identity", "example.com"), ("MailFromDomain", "eu.example.com"));

        var us = await aws.SesAsync("GetIdentityMailFromDomainAttributes", ("Identities.member.1", "example.com"));
        var eu = await aws.SesInRegionAsync("eu-west-1", "GetIdentityMailFromDomainAttributes", ("Identities.member.1", "example.com"));
        Assert.Null(us.Map("MailFromDomainAttributes")["example.com"].Element(AwsAnswer.Ses + "MailFromDomain"));
        Assert.Equal("eu.example.com", eu.Map("MailFromDomainAttributes")["example.com"].Element(AwsAnswer.Ses + "MailFromDomain")?.Value);
    }

    [Fact]
    public async Task ThrottlesASecondMailFromCallWithinOneSecond()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var aws = await LocalAwsFixture.StartAsync(o => o.EnforceRateLimits = true, time);

        var first = await aws.SesAsync("SetIdentityMailFromDomain", ("Identity", "example.com"), ("MailFromDomain", "mail.example.com"));
        var second = await aws.SesAsync("SetIdentityMailFromDomain", ("Identity", "example.com"), ("MailFromDomain", "mail.example.com"));
        time.Advance(TimeSpan.FromSeconds(1));
        var third = await aws.SesAsync("SetIdentityMailFromDomain", ("Identity", "example.com"), ("MailFromDomain", "mail.example.com"));

        first.ShouldSucceed();
        second.ShouldFail(HttpStatusCode.BadRequest, "Throttling");
        Assert.Equal("Rate exceeded", second.ErrorMessage);
        third.ShouldSucceed();
    }
}
