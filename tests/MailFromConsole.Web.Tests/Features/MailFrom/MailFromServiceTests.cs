using MailFromConsole.Core.Records;
using MailFromConsole.Core.Ses;
using MailFromConsole.Web.Features.MailFrom;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.Web.Tests.Features.MailFrom;

public sealed class MailFromServiceTests : ConsoleTestContext
{
    private IMailFromService MailFrom => Services.GetRequiredService<IMailFromService>();

    public MailFromServiceTests()
    {
        Aws.Ses.Add(Region, "example.com");
        Aws.Ses.Add(Region, "user@example.com");
    }

    [Fact]
    public async Task SetRefusesADomainThatIsNotASubdomainWithoutCallingSes()
    {
        var result = await MailFrom.SetAsync(Region, "user@example.com", "mail.example.org", BehaviorOnMxFailure.RejectMessage);

        Assert.False(result.Succeeded);
        Assert.Contains("subdomain", result.Error);
        Assert.Null(Aws.Ses.Find(Region, "user@example.com")!.MailFrom.MailFromDomain);
    }

    [Fact]
    public async Task SetStoresTheNormalizedDomainAndBehaviourAndReturnsTheRecords()
    {
        var result = await MailFrom.SetAsync(Region, "example.com", "Mail.Example.com.", BehaviorOnMxFailure.RejectMessage);

        Assert.True(result.Succeeded, result.Error);
        var stored = Aws.Ses.Find(Region, "example.com")!.MailFrom;
        Assert.Equal("mail.example.com", stored.MailFromDomain);
        Assert.Equal(BehaviorOnMxFailure.RejectMessage, stored.BehaviorOnMxFailure);
        Assert.Equal(CustomMailFromStatus.Pending, result.Value!.Attributes.MailFromDomainStatus);
        Assert.Contains(result.Value.Records, r => r is { Type: "MX", Value: "10 feedback-smtp.us-east-1.amazonses.com" });
        Assert.Contains(result.Value.Records, r => r.Type == "TXT" && r.Value == RequiredRecords.SpfValue);
        Assert.Equal(EffectiveMailFromKind.Rejected, result.Value.Effective.Kind);
    }

    [Fact]
    public async Task SavingReadsSesOnceBeforeWritingAndDoesNotWaitForAnotherRead()
    {
        // SES allows one MAIL FROM read a second: a second read after the write would hold the dialog that long again.
        Aws.Ses.Calls.Clear();

        var result = await MailFrom.SetAsync(Region, "example.com", "mail.example.com", BehaviorOnMxFailure.UseDefaultValue);

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(["GetIdentityMailFromDomainAttributes", "SetIdentityMailFromDomain"], Aws.Ses.Calls);
        Assert.Equal(new IdentityMailFromDomainAttributes("mail.example.com", CustomMailFromStatus.Pending, BehaviorOnMxFailure.UseDefaultValue), result.Value!.Attributes);
    }

    [Fact]
    public async Task RestartAfterFailedSetsTheSameDomainAgain()
    {
        var identity = Aws.Ses.Find(Region, "example.com")!;
        identity.MailFrom = new IdentityMailFromDomainAttributes("bounce.example.com", CustomMailFromStatus.Failed, BehaviorOnMxFailure.RejectMessage);

        var result = await MailFrom.RestartAsync(Region, "example.com");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(new IdentityMailFromDomainAttributes("bounce.example.com", CustomMailFromStatus.Pending, BehaviorOnMxFailure.RejectMessage), identity.MailFrom);
    }

    [Fact]
    public async Task DisableClearsTheMailFromDomain()
    {
        await MailFrom.SetAsync(Region, "example.com", "mail.example.com", BehaviorOnMxFailure.UseDefaultValue);

        var result = await MailFrom.DisableAsync(Region, "example.com");

        Assert.True(result.Succeeded, result.Error);
        Assert.False(result.Value!.IsSet);
        Assert.Null(Aws.Ses.Find(Region, "example.com")!.MailFrom.MailFromDomain);
        Assert.Equal(EffectiveMailFromKind.RegionDefault, result.Value.Effective.Kind);
    }

    [Fact]
    public async Task AnSesErrorBecomesAMessageWithTheAwsWording()
    {
        Aws.Ses.FailNext("SetIdentityMailFromDomain", "InvalidParameterValue", "Identity 'example.com' does not exist.");

        var result = await MailFrom.SetAsync(Region, "example.com", "mail.example.com", BehaviorOnMxFailure.UseDefaultValue);

        Assert.False(result.Succeeded);
        Assert.Equal("InvalidParameterValue", result.ErrorCode);
        Assert.Contains("Identity 'example.com' does not exist.", result.Error);
    }

    [Fact]
    public async Task TestEmailShowsTheRejectionWhileRejectMessageIsNotYetSuccessful()
    {
        await MailFrom.SetAsync(Region, "user@example.com", "mail.example.com", BehaviorOnMxFailure.RejectMessage);

        var result = await MailFrom.SendTestEmailAsync(Region, "user@example.com", null);

        Assert.True(result.Succeeded, result.Error);
        Assert.False(result.Value!.Sent);
        Assert.Contains("MailFromDomainNotVerified", result.Value.Explanation);
        Assert.Empty(Aws.Ses.SentEmails);
    }

    [Fact]
    public async Task TestEmailSaysWhichMailFromWasUsedOnceSuccessful()
    {
        Aws.Ses.Find(Region, "example.com")!.MailFrom = new IdentityMailFromDomainAttributes("mail.example.com", CustomMailFromStatus.Success, BehaviorOnMxFailure.RejectMessage);

        var result = await MailFrom.SendTestEmailAsync(Region, "example.com", "someone@example.net");

        Assert.True(result.Value!.Sent);
        Assert.Contains("mail.example.com", result.Value.Explanation);
        Assert.Equal(["someone@example.net"], Assert.Single(Aws.Ses.SentEmails).ToAddresses);
    }

    [Fact]
    public async Task WarningsTellWhenTheNameReceivesMailAndFeedbackIsForwarded()
    {
        var zone = Aws.Route53.AddZone("example.com");
        Aws.Route53.Put(zone, "inbox.example.com", "MX", "10 mx.mailhost.example.net.");

        var result = await MailFrom.WarningsAsync(Region, "user@example.com", "inbox.example.com");

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(2, result.Value!.Count);
        Assert.Contains(result.Value, w => w.Contains("mx.mailhost.example.net"));
    }

    [Fact]
    public async Task NoWarningsForAFreshSubdomainWithoutForwarding()
    {
        Aws.Route53.AddZone("example.com");
        Aws.Ses.Find(Region, "user@example.com")!.ForwardingEnabled = false;

        var result = await MailFrom.WarningsAsync(Region, "user@example.com", "mail.example.com");

        Assert.Empty(result.Value!);
    }
}
