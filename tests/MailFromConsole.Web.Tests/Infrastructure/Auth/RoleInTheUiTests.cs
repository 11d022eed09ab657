using Bunit;
using MailFromConsole.Core.Ses;
using MailFromConsole.Web.Features.Audit;
using MailFromConsole.Web.Features.Identities;
using MailFromConsole.Web.Features.MailFrom;
using MailFromConsole.Web.Features.Publish;
using MailFromConsole.Web.Infrastructure.Auth;
namespace MailFromConsole.Web.Tests.Infrastructure.Auth;

/// <summary>
/// What a user's role means on the pages: the changes it does not allow are disabled with the reason, and a circuit
/// that clicks one anyway (here: a page rendered before the user lost the role) gets the services' refusal, while
/// AWS is never asked.
/// </summary>
public sealed class RoleInTheUiTests : ConsoleTestContext
{
    private IRenderedComponent<MailFromSection> RenderMailFrom()
    {
        RenderProviders();
        var section = Render<MailFromSection>(p => p.Add(x => x.Region, Region).Add(x => x.Identity, "example.com").Add(x => x.Verified, true));
        section.WaitForAssertion(() => Assert.NotEmpty(section.FindAll("[data-testid=mailfrom-effective]")));
        return section;
    }

    private IRenderedComponent<PublishPanel> RenderPublish()
    {
        Aws.Route53.AddZone("example.com");
        RenderProviders();
        var panel = Render<PublishPanel>(p => p.Add(x => x.Target, new PublishTarget.MailFrom("mail.example.com", Region) { Identity = "example.com" }));
        panel.WaitForAssertion(() => Assert.NotEmpty(panel.FindAll("button[data-testid=publish-route53]")));
        return panel;
    }

    private void ForgetAwsCalls()
    {
        Aws.Ses.Calls.Clear();
        Aws.Route53.Calls.Clear();
    }

    private static bool IsDisabled<T>(IRenderedComponent<T> rendered, string testId) where T : Microsoft.AspNetCore.Components.IComponent =>
        rendered.Find($"button[data-testid={testId}]").HasAttribute("disabled");

    [Fact]
    public void AViewerSeesTheMailFromChangesDisabledAndWhy()
    {
        SignInAs(ConsoleRole.Viewer);
        Aws.Ses.Add(Region, "example.com").MailFrom = new("mail.example.com", CustomMailFromStatus.Failed, BehaviorOnMxFailure.UseDefaultValue);

        var section = RenderMailFrom();

        Assert.True(IsDisabled(section, "set-mailfrom"));
        Assert.True(IsDisabled(section, "restart-setup"));
        Assert.True(IsDisabled(section, "disable-mailfrom"));
        Assert.Equal("Your role (Viewer) may view this but not set, restart or disable the MAIL FROM domain: that needs the Operator role.",
            section.Find("[data-testid=role-note]").TextContent);
    }

    [Fact]
    public void AnOperatorMayChangeTheMailFromDomain()
    {
        SignInAs(ConsoleRole.Operator);
        Aws.Ses.Add(Region, "example.com").MailFrom = new("mail.example.com", CustomMailFromStatus.Success, BehaviorOnMxFailure.UseDefaultValue);

        var section = RenderMailFrom();

        Assert.False(IsDisabled(section, "set-mailfrom"));
        Assert.False(IsDisabled(section, "disable-mailfrom"));
        Assert.Empty(section.FindAll("[data-testid=role-note]"));
    }

    [Fact]
    public async Task AViewerCircuitThatClicksDisableIsRefusedAndSesIsNotCalled()
    {
        var identity = Aws.Ses.Add(Region, "example.com");
        identity.MailFrom = new("mail.example.com", CustomMailFromStatus.Success, BehaviorOnMxFailure.UseDefaultValue);
        SignInAs(ConsoleRole.Operator);
        var section = RenderMailFrom();
        SignInAs(ConsoleRole.Viewer);
        ForgetAwsCalls();

        await section.InvokeAsync(() => section.Find("button[data-testid=disable-mailfrom]").ClickAsync(new()));

        FlashBar.WaitForAssertion(() => Assert.Contains("User 'vera' has the Viewer role. This action needs the Operator role", FlashBar.Markup));
        Assert.Empty(Aws.Ses.Calls);
        Assert.Equal("mail.example.com", identity.MailFrom.MailFromDomain);
        var entry = Assert.Single(await AuditEntriesAsync());
        Assert.Equal((AuditActions.DisableMailFromDomain, "vera", "NotAuthorized"), (entry.Action, entry.User, entry.Result));
    }

    [Fact]
    public async Task AnOperatorDisablingIsRecordedWithWhatWasThere()
    {
        Aws.Ses.Add(Region, "example.com").MailFrom = new("mail.example.com", CustomMailFromStatus.Success, BehaviorOnMxFailure.RejectMessage);
        SignInAs(ConsoleRole.Operator);
        var section = RenderMailFrom();

        await section.InvokeAsync(() => section.Find("button[data-testid=disable-mailfrom]").ClickAsync(new()));

        section.WaitForAssertion(() => Assert.Equal("Not set", section.Find("[data-testid=mailfrom-domain]").TextContent));
        var entry = Assert.Single(await AuditEntriesAsync());
        Assert.Equal("otto", entry.User);
        Assert.Equal("mail.example.com (RejectMessage)", entry.Before);
        Assert.Equal("(not set)", entry.After);
        Assert.Equal(AuditResults.Success, entry.Result);
    }

    [Fact]
    public void AViewerSeesPublishDisabledAndWhy()
    {
        SignInAs(ConsoleRole.Viewer);

        var panel = RenderPublish();

        Assert.True(IsDisabled(panel, "publish-route53"));
        Assert.Contains("not publish records: that needs the Operator role", panel.Find("[data-testid=role-note]").TextContent);
    }

    [Fact]
    public async Task AViewerCircuitThatClicksPublishIsRefusedAndRoute53IsNotChanged()
    {
        SignInAs(ConsoleRole.Operator);
        var panel = RenderPublish();
        SignInAs(ConsoleRole.Viewer);
        ForgetAwsCalls();

        await panel.InvokeAsync(() => panel.Find("button[data-testid=publish-route53]").ClickAsync(new()));

        panel.WaitForAssertion(() => Assert.Contains("has the Viewer role. This action needs the Operator role", panel.Find("[data-testid=publish-message]").TextContent));
        Assert.Empty(Aws.Route53.Calls);
        Assert.Empty(Aws.Route53.Batches);
        Assert.Empty(panel.FindAll("[data-testid=publish-change]"));
    }

    [Fact]
    public async Task AnOperatorPublishesAndTheLogHasTheChangeId()
    {
        SignInAs(ConsoleRole.Operator);
        var panel = RenderPublish();

        await panel.InvokeAsync(() => panel.Find("button[data-testid=publish-route53]").ClickAsync(new()));

        panel.WaitForAssertion(() => Assert.Equal("INSYNC", panel.Find("[data-testid=change-status]").TextContent));
        var batch = Assert.Single(Aws.Route53.Batches);
        var entry = Assert.Single(await AuditEntriesAsync());
        Assert.Equal((AuditActions.PublishRecords, "otto", "example.com", Region), (entry.Action, entry.User, entry.Identity, entry.Region));
        Assert.Contains(entry.ChangeId!, panel.Find("[data-testid=publish-change]").TextContent);
        Assert.StartsWith("MX mail.example.com. = 10 feedback-smtp.us-east-1.amazonses.com.; TXT mail.example.com. = ", entry.After);
        Assert.Equal(2, batch.Count);
    }

    [Fact]
    public void AnOperatorCannotAddOrRemoveIdentities()
    {
        SignInAs(ConsoleRole.Operator);
        Aws.Ses.Add(Region, "example.com");
        RenderProviders();

        var view = Render<IdentitiesView>(p => p.Add(x => x.Type, IdentityType.Domain).Add(x => x.Selected, "example.com"));

        view.WaitForAssertion(() => Assert.NotEmpty(view.FindAll("button[data-testid=remove-identity]")));
        Assert.True(IsDisabled(view, "add-identity"));
        Assert.True(IsDisabled(view, "remove-identity"));
        Assert.Contains(view.FindAll("[data-testid=role-note]"), n => n.TextContent.Contains("not add identities: that needs the Admin role"));
    }

    [Fact]
    public async Task AViewerCircuitThatConfirmsARemovalIsRefusedAndTheIdentityStays()
    {
        Aws.Ses.Add(Region, "keep.test");
        var provider = RenderProviders();
        var view = Render<IdentitiesView>(p => p.Add(x => x.Type, IdentityType.Domain).Add(x => x.Selected, "keep.test"));
        view.WaitForAssertion(() => Assert.NotEmpty(view.FindAll("button[data-testid=remove-identity]")));
        SignInAs(ConsoleRole.Viewer);
        ForgetAwsCalls();

        var click = view.InvokeAsync(() => view.Find("button[data-testid=remove-identity]").ClickAsync(new()));
        provider.WaitForAssertion(() => Assert.Contains("Remove keep.test from us-east-1?", provider.Markup));
        await provider.InvokeAsync(() => provider.FindAll("button").Single(b => b.TextContent.Trim() == "Remove").ClickAsync(new()));
        await click;

        FlashBar.WaitForAssertion(() => Assert.Contains("This action needs the Admin role", FlashBar.Markup));
        Assert.Empty(Aws.Ses.Calls);
        Assert.NotNull(Aws.Ses.Find(Region, "keep.test"));
    }
}
