using MailFromConsole.Core.Ses;
using MailFromConsole.Web.Features.Identities;
using MailFromConsole.Web.Features.MailFrom;
using MailFromConsole.Web.Features.Publish;
using MailFromConsole.Web.Infrastructure.Auth;
using MailFromConsole.Web.Infrastructure.Changes;
using MailFromConsole.Web.Tests.Fakes;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.Web.Tests.Infrastructure.Changes;

/// <summary>
/// The services themselves refuse a change the user's role does not allow, whatever the page showed: the refusal is a
/// message (not a broken circuit), AWS is never asked, and the attempt is in the audit log.
/// </summary>
public sealed class RoleEnforcementTests : FakeAwsServiceTest
{
    private IMailFromService MailFrom => services.GetRequiredService<IMailFromService>();
    private IPublishService Publisher => services.GetRequiredService<IPublishService>();
    private IIdentityService Identities => services.GetRequiredService<IIdentityService>();

    protected override void Seed()
    {
        aws.Ses.Add(Region, "example.com").MailFrom = new IdentityMailFromDomainAttributes("bounce.example.com", CustomMailFromStatus.Failed, BehaviorOnMxFailure.UseDefaultValue);
        aws.Route53.AddZone("example.com");
    }

    private void AwsCallsForget()
    {
        aws.Ses.Calls.Clear();
        aws.Route53.Calls.Clear();
    }

    private void AssertAwsNotCalled()
    {
        Assert.Empty(aws.Ses.Calls);
        Assert.Empty(aws.Route53.Calls);
    }

    private static void AssertRefused(string? error, string? code, ConsoleRole held, ConsoleRole needed)
    {
        Assert.Equal(ChangeGate.NotAuthorizedCode, code);
        Assert.Equal($"User '{TestUsers.NameOf(held)}' has the {held} role. This action needs the {needed} role; ask an administrator.", error);
    }

    [Fact]
    public async Task ViewerCannotSetDisableOrRestartMailFromAndSesIsNeverAsked()
    {
        services.SignInAs(ConsoleRole.Viewer);

        var set = await MailFrom.SetAsync(Region, "example.com", "mail.example.com", BehaviorOnMxFailure.RejectMessage);
        var disable = await MailFrom.DisableAsync(Region, "example.com");
        var restart = await MailFrom.RestartAsync(Region, "example.com");

        AssertRefused(set.Error, set.ErrorCode, ConsoleRole.Viewer, ConsoleRole.Operator);
        AssertRefused(disable.Error, disable.ErrorCode, ConsoleRole.Viewer, ConsoleRole.Operator);
        AssertRefused(restart.Error, restart.ErrorCode, ConsoleRole.Viewer, ConsoleRole.Operator);
        AssertAwsNotCalled();
        Assert.Equal("bounce.example.com", aws.Ses.Find(Region, "example.com")!.MailFrom.MailFromDomain);
    }

    [Fact]
    public async Task ViewerCannotSendATestEmail()
    {
        services.SignInAs(ConsoleRole.Viewer);

        var sent = await MailFrom.SendTestEmailAsync(Region, "example.com", "someone@example.net");

        AssertRefused(sent.Error, sent.ErrorCode, ConsoleRole.Viewer, ConsoleRole.Operator);
        AssertAwsNotCalled();
        Assert.Empty(aws.Ses.SentEmails);
    }

    [Fact]
    public async Task ViewerMayPreviewButCannotPublish()
    {
        services.SignInAs(ConsoleRole.Viewer);
        var preview = await Publisher.PreviewAsync(new PublishTarget.MailFrom("mail.example.com", Region));
        Assert.True(preview.Value!.CanApply);
        AwsCallsForget();

        var applied = await Publisher.ApplyAsync(preview.Value);

        AssertRefused(applied.Error, applied.ErrorCode, ConsoleRole.Viewer, ConsoleRole.Operator);
        AssertAwsNotCalled();
        Assert.Empty(aws.Route53.Batches);
    }

    [Fact]
    public async Task ViewerCannotAddRetryOrRemoveIdentities()
    {
        services.SignInAs(ConsoleRole.Viewer);

        var added = await Identities.AddAsync(Region, IdentityType.Domain, "example.org");
        var retried = await Identities.RetryVerificationAsync(Region, IdentityType.Domain, "example.com");
        var removed = await Identities.DeleteAsync(Region, "example.com");

        AssertRefused(added.Error, added.ErrorCode, ConsoleRole.Viewer, ConsoleRole.Admin);
        AssertRefused(retried.Error, retried.ErrorCode, ConsoleRole.Viewer, ConsoleRole.Admin);
        AssertRefused(removed.Error, removed.ErrorCode, ConsoleRole.Viewer, ConsoleRole.Admin);
        AssertAwsNotCalled();
        Assert.Null(aws.Ses.Find(Region, "example.org"));
        Assert.NotNull(aws.Ses.Find(Region, "example.com"));
    }

    [Fact]
    public async Task OperatorSetsMailFromAndPublishesButCannotManageIdentities()
    {
        services.SignInAs(ConsoleRole.Operator);

        var set = await MailFrom.SetAsync(Region, "example.com", "mail.example.com", BehaviorOnMxFailure.RejectMessage);
        var preview = await Publisher.PreviewAsync(new PublishTarget.MailFrom("mail.example.com", Region));
        var applied = await Publisher.ApplyAsync(preview.Value!);
        AwsCallsForget();
        var added = await Identities.AddAsync(Region, IdentityType.EmailAddress, "someone@example.org");
        var removed = await Identities.DeleteAsync(Region, "example.com");

        Assert.True(set.Succeeded, set.Error);
        Assert.Equal("mail.example.com", aws.Ses.Find(Region, "example.com")!.MailFrom.MailFromDomain);
        Assert.True(applied.Succeeded, applied.Error);
        Assert.Single(aws.Route53.Batches);
        AssertRefused(added.Error, added.ErrorCode, ConsoleRole.Operator, ConsoleRole.Admin);
        AssertRefused(removed.Error, removed.ErrorCode, ConsoleRole.Operator, ConsoleRole.Admin);
        AssertAwsNotCalled();
    }

    [Fact]
    public async Task AdminAddsAndRemovesIdentities()
    {
        services.SignInAs(ConsoleRole.Admin);

        var added = await Identities.AddAsync(Region, IdentityType.Domain, "example.org");
        var removed = await Identities.DeleteAsync(Region, "example.com");

        Assert.True(added.Succeeded, added.Error);
        Assert.True(removed.Succeeded, removed.Error);
        Assert.NotNull(aws.Ses.Find(Region, "example.org"));
        Assert.Null(aws.Ses.Find(Region, "example.com"));
    }

    [Fact]
    public async Task ARoleTakenAwayMidSessionStopsTheNextChange()
    {
        services.SignInAs(ConsoleRole.Operator);
        Assert.True((await MailFrom.SetAsync(Region, "example.com", "mail.example.com", BehaviorOnMxFailure.UseDefaultValue)).Succeeded);

        services.SignInAs(ConsoleRole.Viewer, TestUsers.NameOf(ConsoleRole.Operator));
        AwsCallsForget();
        var disable = await MailFrom.DisableAsync(Region, "example.com");

        Assert.Equal(ChangeGate.NotAuthorizedCode, disable.ErrorCode);
        AssertAwsNotCalled();
        Assert.Equal("mail.example.com", aws.Ses.Find(Region, "example.com")!.MailFrom.MailFromDomain);
    }
}
