using MailFromConsole.Core.Ses;
using MailFromConsole.Web.Features.Identities;
using MailFromConsole.Web.Features.MailFrom;
using MailFromConsole.Web.Features.Publish;
using MailFromConsole.Web.Infrastructure.Auth;
using MailFromConsole.Web.Infrastructure.Changes;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.Web.Tests.Infrastructure.Changes;

/// <summary>
/// The services themselves refuse a change the user's role does not allow, whatever the page showed: the refusal is a
/// message (not a broken circuit), AWS is never asked, and the attempt is in the audit log.
/// </summary>
public sealed class RoleEnforcementTests : ConsoleTestContext
{
    private IMailFromService MailFrom => Services.GetRequiredService<IMailFromService>();
    private IPublishService Publisher => Services.GetRequiredService<IPublishService>();
    private IIdentityService Identities => Services.GetRequiredService<IIdentityService>();

    public RoleEnforcementTests()
    {
        Aws.Ses.Add(Region, "example.com").MailFrom = new IdentityMailFromDomainAttributes("bounce.example.com", CustomMailFromStatus.Failed, BehaviorOnMxFailure.UseDefaultValue);
        Aws.Route53.AddZone("example.com");
    }

    private void AwsCallsForget()
    {
        Aws.Ses.Calls.Clear();
        Aws.Route53.Calls.Clear();
    }

    private void AssertAwsNotCalled()
    {
        Assert.Empty(Aws.Ses.Calls);
        Assert.Empty(Aws.Route53.Calls);
    }

    private static void AssertRefused(string? error, string? code, ConsoleRole held, ConsoleRole needed)
    {
        Assert.Equal(ChangeGate.NotAuthorizedCode, code);
        Assert.Equal($"User '{TestUsers.NameOf(held)}' has the {held} role. This action needs the {needed} role; ask an administrator.", error);
    }

    [Fact]
    public async Task ViewerCannotSetDisableOrRestartMailFromAndSesIsNeverAsked()
    {
        SignInAs(ConsoleRole.Viewer);

        var set = await MailFrom.SetAsync(Region, "example.com", "mail.example.com", BehaviorOnMxFailure.RejectMessage);
        var disable = await MailFrom.DisableAsync(Region, "example.com");
        var restart = await MailFrom.RestartAsync(Region, "example.com");

        AssertRefused(set.Error, set.ErrorCode, ConsoleRole.Viewer, ConsoleRole.Operator);
        AssertRefused(disable.Error, disable.ErrorCode, ConsoleRole.Viewer, ConsoleRole.Operator);
        AssertRefused(restart.Error, restart.ErrorCode, ConsoleRole.Viewer, ConsoleRole.Operator);
        AssertAwsNotCalled();
        Assert.Equal("bounce.example.com", Aws.Ses.Find(Region, "example.com")!.MailFrom.MailFromDomain);
    }

    [Fact]
    public async Task ViewerCannotSendATestEmail()
    {
        SignInAs(ConsoleRole.Viewer);

        var sent = await MailFrom.SendTestEmailAsync(Region, "example.com", "someone@example.net");

        AssertRefused(sent.Error, sent.ErrorCode, ConsoleRole.Viewer, ConsoleRole.Operator);
        AssertAwsNotCalled();
        Assert.Empty(Aws.Ses.SentEmails);
    }

    [Fact]
    public async Task ViewerMayPreviewButCannotPublish()
    {
        SignInAs(ConsoleRole.Viewer);
        var preview = await Publisher.PreviewAsync(new PublishTarget.MailFrom("mail.example.com", Region));
        Assert.True(preview.Value!.CanApply);
        AwsCallsForget();

        var applied = await Publisher.ApplyAsync(preview.Value);

        AssertRefused(applied.Error, applied.ErrorCode, ConsoleRole.Viewer, ConsoleRole.Operator);
        AssertAwsNotCalled();
        Assert.Empty(Aws.Route53.Batches);
    }

    [Fact]
    public async Task ViewerCannotAddRetryOrRemoveIdentities()
    {
        SignInAs(ConsoleRole.Viewer);

        var added = await Identities.AddAsync(Region, IdentityType.Domain, "example.org");
        var retried = await Identities.RetryVerificationAsync(Region, IdentityType.Domain, "example.com");
        var removed = await Identities.DeleteAsync(Region, "example.com");

        AssertRefused(added.Error, added.ErrorCode, ConsoleRole.Viewer, ConsoleRole.Admin);
        AssertRefused(retried.Error, retried.ErrorCode, ConsoleRole.Viewer, ConsoleRole.Admin);
        AssertRefused(removed.Error, removed.ErrorCode, ConsoleRole.Viewer, ConsoleRole.Admin);
        AssertAwsNotCalled();
        Assert.Null(Aws.Ses.Find(Region, "example.org"));
        Assert.NotNull(Aws.Ses.Find(Region, "example.com"));
    }

    [Fact]
    public async Task OperatorSetsMailFromAndPublishesButCannotManageIdentities()
    {
        SignInAs(ConsoleRole.Operator);

        var set = await MailFrom.SetAsync(Region, "example.com", "mail.example.com", BehaviorOnMxFailure.RejectMessage);
        var preview = await Publisher.PreviewAsync(new PublishTarget.MailFrom("mail.example.com", Region));
        var applied = await Publisher.ApplyAsync(preview.Value!);
        AwsCallsForget();
        var added = await Identities.AddAsync(Region, IdentityType.EmailAddress, "someone@example.org");
        var removed = await Identities.DeleteAsync(Region, "example.com");

        Assert.True(set.Succeeded, set.Error);
        Assert.Equal("mail.example.com", Aws.Ses.Find(Region, "example.com")!.MailFrom.MailFromDomain);
        Assert.True(applied.Succeeded, applied.Error);
        Assert.Single(Aws.Route53.Batches);
        AssertRefused(added.Error, added.ErrorCode, ConsoleRole.Operator, ConsoleRole.Admin);
        AssertRefused(removed.Error, removed.ErrorCode, ConsoleRole.Operator, ConsoleRole.Admin);
        AssertAwsNotCalled();
    }

    [Fact]
    public async Task AdminAddsAndRemovesIdentities()
    {
        SignInAs(ConsoleRole.Admin);

        var added = await Identities.AddAsync(Region, IdentityType.Domain, "example.org");
        var removed = await Identities.DeleteAsync(Region, "example.com");

        Assert.True(added.Succeeded, added.Error);
        Assert.True(removed.Succeeded, removed.Error);
        Assert.NotNull(Aws.Ses.Find(Region, "example.org"));
        Assert.Null(Aws.Ses.Find(Region, "example.com"));
    }

    [Fact]
    public async Task ARoleTakenAwayMidSessionStopsTheNextChange()
    {
        SignInAs(ConsoleRole.Operator);
        Assert.True((await MailFrom.SetAsync(Region, "example.com", "mail.example.com", BehaviorOnMxFailure.UseDefaultValue)).Succeeded);

        SignInAs(ConsoleRole.Viewer, TestUsers.NameOf(ConsoleRole.Operator));
        AwsCallsForget();
        var disable = await MailFrom.DisableAsync(Region, "example.com");

        Assert.Equal(ChangeGate.NotAuthorizedCode, disable.ErrorCode);
        AssertAwsNotCalled();
        Assert.Equal("mail.example.com", Aws.Ses.Find(Region, "example.com")!.MailFrom.MailFromDomain);
    }
}
