using MailFromConsole.Core.Ses;
using MailFromConsole.LocalAws.Tests.Support;

namespace MailFromConsole.LocalAws.Tests;

public sealed class DetectionStoreTests
{
    [Fact]
    public async Task AStatusForASetupThatWasRestartedMeanwhileIsNotWritten()
    {
        await using var aws = await LocalAwsFixture.StartAsync();
        await aws.SesAsync("SetIdentityMailFromDomain", ("Identity", "example.com"), ("MailFromDomain", "mail.example.com"));
        var stale = Assert.Single(aws.Server.DetectionStore.MailFromSetups(), s => s.Identity == "example.com");
        await aws.SesAsync("SetIdentityMailFromDomain", ("Identity", "example.com"), ("MailFromDomain", "bounce.example.com"));

        aws.Server.DetectionStore.UpdateMailFromStatus(stale, CustomMailFromStatus.Success);

        var current = Assert.Single(aws.Server.DetectionStore.MailFromSetups(), s => s.Identity == "example.com");
        Assert.Equal(("bounce.example.com", CustomMailFromStatus.Pending), (current.MailFromDomain, current.Status));
    }

    [Fact]
    public async Task DomainVerificationUpdateMakesTheDomainVerified()
    {
        await using var aws = await LocalAwsFixture.StartAsync();
        var pending = Assert.Single(aws.Server.DetectionStore.PendingDomainVerifications(), v => v.Domain == LocalAwsSeeds.PendingDomain);

        aws.Server.DetectionStore.UpdateDomainVerification(pending, VerificationStatus.Success);

        var attributes = await aws.SesAsync("GetIdentityVerificationAttributes", ("Identities.member.1", LocalAwsSeeds.PendingDomain));
        Assert.Equal("Success", attributes.Map("VerificationAttributes")[LocalAwsSeeds.PendingDomain].Element(AwsAnswer.Ses + "VerificationStatus")?.Value);
        Assert.DoesNotContain(aws.Server.DetectionStore.PendingDomainVerifications(), v => v.Domain == LocalAwsSeeds.PendingDomain);
    }
}
