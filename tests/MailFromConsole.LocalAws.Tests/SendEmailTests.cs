using System.Net;
using MailFromConsole.Core.Ses;
using MailFromConsole.LocalAws.Store;
using MailFromConsole.LocalAws.Tests.Support;

namespace MailFromConsole.LocalAws.Tests;

public sealed class SendEmailTests
{
    private static readonly (string, string)[] Message =
    [
        ("Destination.ToAddresses.member.1", "someone@example.net"),
        ("Message.Subject.Data", "Test"),
        ("Message.Body.Text.Data", "Hello"),
    ];

    [Fact]
    public async Task RejectMessageWhileMailFromIsPendingGivesMailFromDomainNotVerified()
    {
        await using var aws = await LocalAwsFixture.StartAsync();
        await aws.SesAsync("SetIdentityMailFromDomain", ("Identity", "example.com"), ("MailFromDomain", "mail.example.com"), ("BehaviorOnMXFailure", "RejectMessage"));

        var answer = await aws.SesAsync("SendEmail", [("Source", "user@example.com"), .. Message]);

        answer.ShouldFail(HttpStatusCode.BadRequest, "MailFromDomainNotVerifiedException");
        Assert.DoesNotContain(aws.Server.Mailbox(), m => m.Kind == MailboxKind.Sent);
    }

    [Fact]
    public async Task UseDefaultValueWhilePendingSendsFromTheRegionsAmazonsesDomain()
    {
        await using var aws = await LocalAwsFixture.StartAsync();
        await aws.SesInRegionAsync("eu-west-1", "SetIdentityMailFromDomain", ("Identity", "example.com"), ("MailFromDomain", "mail.example.com"));

        var answer = await aws.SesInRegionAsync("eu-west-1", "SendEmail", [("Source", "\"Shop\" <shop@example.com>"), .. Message]);

        answer.ShouldSucceed();
        var sent = Assert.Single(aws.Server.Mailbox(), m => m.Kind == MailboxKind.Sent);
        Assert.Equal(answer.Value("MessageId") + "@eu-west-1.amazonses.com", sent.ReturnPath);
    }

    [Fact]
    public async Task SuccessSendsFromTheCustomMailFromDomain()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        var answer = await aws.SesAsync("SendEmail", [("Source", "news@example.net"), .. Message]);

        answer.ShouldSucceed();
        Assert.Equal(answer.Value("MessageId") + "@mail.example.net", Assert.Single(aws.Server.Mailbox()).ReturnPath);
    }

    [Fact]
    public async Task TheAddressesOwnMailFromSettingWinsOverItsDomains()
    {
        await using var aws = await LocalAwsFixture.StartAsync();
        await aws.SesAsync("SetIdentityMailFromDomain", ("Identity", "example.com"), ("MailFromDomain", "mail.example.com"), ("BehaviorOnMXFailure", "RejectMessage"));
        await aws.SesAsync("SetIdentityMailFromDomain", ("Identity", "user@example.com"), ("MailFromDomain", "bounce.example.com"));
        var setup = Assert.Single(aws.Server.DetectionStore.MailFromSetups(), s => s.Identity == "user@example.com");
        aws.Server.DetectionStore.UpdateMailFromStatus(setup, CustomMailFromStatus.Success);

        var answer = await aws.SesAsync("SendEmail", [("Source", "user@example.com"), .. Message]);

        answer.ShouldSucceed();
        Assert.EndsWith("@bounce.example.com", Assert.Single(aws.Server.Mailbox()).ReturnPath);
    }

    [Fact]
    public async Task UnverifiedSourceIsRejected()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        var answer = await aws.SesAsync("SendEmail", [("Source", "someone@pending.test"), .. Message]);

        answer.ShouldFail(HttpStatusCode.BadRequest, "MessageRejected");
        Assert.Contains("someone@pending.test", answer.ErrorMessage);
    }
}
