using Bunit;
using MailFromConsole.Core.Route53;
using MailFromConsole.Core.Ses;
using MailFromConsole.Web.Features.Assistant;
using MailFromConsole.Web.Features.MailFrom;
using MailFromConsole.Web.Infrastructure.Auth;
namespace MailFromConsole.Web.Tests.Features.Assistant;

public sealed class ChooseSubdomainStepTests : ConsoleTestContext
{
    private readonly HostedZone zone;

    public ChooseSubdomainStepTests() : base(onTestClock: true)
    {
        zone = Aws.Route53.AddZone("example.com");
        Aws.Ses.Add(Region, "example.com");
        Aws.Ses.Add(Region, "user@example.com");
    }

    private MailFromDetails? done;

    private IRenderedComponent<ChooseSubdomainStep> RenderStep(string identity = "example.com", IdentityMailFromDomainAttributes? current = null)
    {
        RenderProviders();
        return Render<ChooseSubdomainStep>(p => p
            .Add(x => x.Region, Region)
            .Add(x => x.Identity, identity)
            .Add(x => x.Current, current)
            .Add(x => x.Done, d => done = d));
    }

    private static string State(IRenderedComponent<ChooseSubdomainStep> step, string key) =>
        step.Find($"[data-testid=check-item][data-key={key}]").GetAttribute("data-state")!;

    private static bool UseDisabled(IRenderedComponent<ChooseSubdomainStep> step) =>
        step.Find("button[data-testid=use-subdomain]").HasAttribute("disabled");

    [Fact]
    public void SuggestsMailAndBounceUnderTheEmailAddresssDomain()
    {
        var step = RenderStep("user@example.com");

        Assert.Equal(["mail.example.com", "bounce.example.com"], step.FindAll("[data-testid=suggestion]").Select(b => b.TextContent));
    }

    [Fact]
    public void AFreeSubdomainPassesEveryCheckAndCanBeUsed()
    {
        var step = RenderStep();

        step.FindAll("[data-testid=suggestion]")[0].Click();

        step.WaitForAssertion(() => Assert.Equal("Passed", State(step, "cname")), DnsWait);
        Assert.Equal("Passed", State(step, "valid"));
        Assert.Equal("Passed", State(step, "receives-mail"));
        Assert.False(UseDisabled(step));
    }

    [Fact]
    public void AViewerCannotUseTheNameAndIsToldWhy()
    {
        SignInAs(ConsoleRole.Viewer);
        var step = RenderStep();

        step.FindAll("[data-testid=suggestion]")[0].Click();

        step.WaitForAssertion(() => Assert.Equal("Passed", State(step, "cname")), DnsWait);
        Assert.True(UseDisabled(step));
        Assert.Contains("Your role (Viewer) may view this but not set the MAIL FROM domain", step.Find("[data-testid=role-note]").TextContent);
    }

    [Fact]
    public async Task AViewerCircuitThatUsesTheNameAnywayIsRefusedAndSesIsNotChanged()
    {
        SignInAs(ConsoleRole.Operator);
        var step = RenderStep();
        step.FindAll("[data-testid=suggestion]")[0].Click();
        step.WaitForAssertion(() => Assert.False(UseDisabled(step)), DnsWait);
        SignInAs(ConsoleRole.Viewer);

        await step.InvokeAsync(() => step.Find("button[data-testid=use-subdomain]").ClickAsync(new()));

        step.WaitForAssertion(() => Assert.Contains("needs the Operator role", step.Find("[data-testid=subdomain-error]").TextContent));
        Assert.DoesNotContain("SetIdentityMailFromDomain", Aws.Ses.Calls);
        Assert.Null(Aws.Ses.Find(Region, "example.com")!.MailFrom.MailFromDomain);
        Assert.Null(done);
    }

    [Fact]
    public void ANameOutsideTheDomainIsRefusedInPlainWords()
    {
        var step = RenderStep("user@example.com");

        step.Find("input[data-testid=subdomain-input]").Input("mail.example.org");

        step.WaitForAssertion(() => Assert.Equal("Failed", State(step, "valid")));
        Assert.Contains("not a subdomain of example.com", step.Find("[data-testid=check-item][data-key=valid]").TextContent);
        Assert.True(UseDisabled(step));
    }

    [Fact]
    public void ANameThatAlreadyReceivesMailCannotBeUsed()
    {
        Aws.Route53.Put(zone, "mail.example.com", "MX", "10 inbound.mailhost.example.net.");
        var step = RenderStep();

        step.Find("input[data-testid=subdomain-input]").Input("mail.example.com");

        step.WaitForAssertion(() => Assert.Equal("Failed", State(step, "receives-mail")), DnsWait);
        Assert.Contains("already receives email", step.Find("[data-testid=check-item][data-key=receives-mail]").TextContent);
        Assert.True(UseDisabled(step));
    }

    [Fact]
    public void AnAliasNameCannotBeUsed()
    {
        Aws.Route53.Put(zone, "mail.example.com", "CNAME", "elsewhere.example.net.");
        var step = RenderStep();

        step.Find("input[data-testid=subdomain-input]").Input("mail.example.com");

        step.WaitForAssertion(() => Assert.Equal("Failed", State(step, "cname")), DnsWait);
        Assert.True(UseDisabled(step));
    }

    [Fact]
    public void AnExistingSpfRecordIsAnnouncedAsExtendedNotDoubled()
    {
        Aws.Route53.Put(zone, "mail.example.com", "TXT", "v=spf1 include:_spf.google.com ~all");
        var step = RenderStep();

        step.Find("input[data-testid=subdomain-input]").Input("mail.example.com");

        step.WaitForAssertion(() => Assert.Contains("extended", step.Find("[data-testid=existing-spf]").TextContent), DnsWait);
    }

    [Fact]
    public async Task UsingTheNameSetsItInSesWithTheChosenBehaviour()
    {
        var step = RenderStep();
        step.Find("input[data-testid=subdomain-input]").Input("Bounce.Example.com");
        step.WaitForAssertion(() => Assert.False(UseDisabled(step)), DnsWait);

        await step.InvokeAsync(() => step.Find("input[data-testid=behavior-reject]").ClickAsync(new()));
        await step.InvokeAsync(() => step.Find("button[data-testid=use-subdomain]").ClickAsync(new()));

        step.WaitForAssertion(() => Assert.NotNull(done));
        var stored = Aws.Ses.Find(Region, "example.com")!.MailFrom;
        Assert.Equal("bounce.example.com", stored.MailFromDomain);
        Assert.Equal(BehaviorOnMxFailure.RejectMessage, stored.BehaviorOnMxFailure);
        Assert.Equal(CustomMailFromStatus.Pending, stored.MailFromDomainStatus);
    }

    [Fact]
    public async Task KeepingTheCurrentNameDoesNotRestartSesCheck()
    {
        var current = new IdentityMailFromDomainAttributes("mail.example.com", CustomMailFromStatus.Success, BehaviorOnMxFailure.UseDefaultValue);
        Aws.Ses.Find(Region, "example.com")!.MailFrom = current;
        Aws.Route53.Put(zone, "mail.example.com", "MX", "10 feedback-smtp.us-east-1.amazonses.com.");
        var step = RenderStep(current: current);
        step.WaitForAssertion(() => Assert.False(UseDisabled(step)), DnsWait);

        await step.InvokeAsync(() => step.Find("button[data-testid=use-subdomain]").ClickAsync(new()));

        step.WaitForAssertion(() => Assert.NotNull(done));
        Assert.Equal(CustomMailFromStatus.Success, Aws.Ses.Find(Region, "example.com")!.MailFrom.MailFromDomainStatus);
    }

    [Fact]
    public void TheKeepSendingBehaviourIsRecommendedAndWhyExplainsBoth()
    {
        var step = RenderStep();

        var choice = step.Find("[data-testid=behavior-choice]").TextContent;
        Assert.Contains("Recommended", choice);
        Assert.True(step.Find("input[data-testid=behavior-default]").HasAttribute("checked"));
        Assert.Empty(step.FindAll("[data-testid=why-text]"));

        step.FindAll("button[data-testid=why-toggle]").Last().Click();

        step.WaitForAssertion(() => Assert.Contains("MailFromDomainNotVerified", step.Find("[data-testid=why-text]").TextContent));
        Assert.Contains("us-east-1", step.Find("[data-testid=why-text]").TextContent);
    }
}
