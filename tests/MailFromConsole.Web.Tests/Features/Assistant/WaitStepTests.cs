using Bunit;
using MailFromConsole.Core.Ses;
using MailFromConsole.Web.Features.Assistant;
using MailFromConsole.Web.Features.Status;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.Web.Tests.Features.Assistant;

public sealed class WaitStepTests : ConsoleTestContext
{
    private const string Identity = "elsewhere.org";
    private const string MailFrom = "mail.elsewhere.org";
    private readonly InMemorySesIdentity identity;

    public WaitStepTests() : base(onTestClock: true)
    {
        identity = new InMemorySesIdentity(Aws.Ses.Add(Region, Identity));
        identity.Set(CustomMailFromStatus.Pending);
        // The domain's zone lives at another DNS provider (served by the test DNS server), without the records yet.
        Aws.Route53.PutOutside("elsewhere.org", "www.elsewhere.org", "TXT", "site");
    }

    private bool finished;

    private IRenderedComponent<WaitStep> RenderStep()
    {
        RenderProviders();
        return Render<WaitStep>(p => p.Add(x => x.Region, Region).Add(x => x.Identity, Identity).Add(x => x.Finished, () => finished = true));
    }

    private static string State(IRenderedComponent<WaitStep> step, string key) =>
        step.Find($"[data-testid=setup-checklist] [data-testid=check-item][data-key={key}]").GetAttribute("data-state")!;

    private void PublishOutside(params string[] mx)
    {
        Aws.Route53.PutOutside("elsewhere.org", MailFrom, "MX", mx);
        Aws.Route53.PutOutside("elsewhere.org", MailFrom, "TXT", "v=spf1 include:amazonses.com ~all");
    }

    [Fact]
    public void BeforeTheRecordsExistTheChecklistSaysWhatIsMissing()
    {
        var step = RenderStep();

        step.WaitForAssertion(() => Assert.Equal("Waiting", State(step, "mx-found")), DnsWait);
        Assert.Equal("Waiting", State(step, "mx-one"));
        Assert.Equal("Waiting", State(step, "spf-found"));
        Assert.Equal("Waiting", State(step, "ses-status"));
        Assert.Contains("not visible in DNS yet", step.Find("[data-testid=next-step]").TextContent);
    }

    [Fact]
    public void RecordsAddedByHandAreTickedOffAtTheNextAutomaticCheck()
    {
        var step = RenderStep();
        step.WaitForAssertion(() => Assert.Equal("Waiting", State(step, "mx-found")), DnsWait);

        PublishOutside("10 feedback-smtp.us-east-1.amazonses.com.");
        Clock.Advance(TimeSpan.FromSeconds(10));

        step.WaitForAssertion(() => Assert.Equal("Passed", State(step, "mx-found")), DnsWait);
        Assert.Equal("Passed", State(step, "mx-one"));
        Assert.Equal("Passed", State(step, "mx-host"));
        Assert.Equal("Passed", State(step, "spf-found"));
        Assert.Equal("Passed", State(step, "spf-merged"));
        Assert.Contains("The records look right", step.Find("[data-testid=next-step]").TextContent);
    }

    [Fact]
    public async Task SuccessFromSesFinishesTheSetup()
    {
        PublishOutside("10 feedback-smtp.us-east-1.amazonses.com.");
        var step = RenderStep();
        step.WaitForAssertion(() => Assert.Equal("Passed", State(step, "mx-found")), DnsWait);

        identity.Set(CustomMailFromStatus.Success);

        step.WaitForAssertion(() => Assert.Equal("Passed", State(step, "ses-status")), DnsWait);
        Assert.StartsWith("Done.", step.Find("[data-testid=next-step]").TextContent);
        Assert.True(finished);
        Assert.Empty(step.FindAll("[data-testid=wait-live]"));

        await step.InvokeAsync(() => step.Find("button[data-testid=send-test]").ClickAsync(new()));
        step.WaitForAssertion(() => Assert.Contains("MAIL FROM used: mail.elsewhere.org", step.Find("[data-testid=test-outcome]").TextContent));
    }

    [Fact]
    public void SeveralMxRecordsAreMarkedAsAProblemToFix()
    {
        PublishOutside("10 feedback-smtp.us-east-1.amazonses.com.", "20 feedback-smtp.eu-west-1.amazonses.com.");

        var step = RenderStep();

        step.WaitForAssertion(() => Assert.Equal("Failed", State(step, "mx-one")), DnsWait);
        Assert.Contains("Keep only", step.Find("[data-testid=check-item][data-key=mx-one]").TextContent);
        Assert.Contains("marked in red", step.Find("[data-testid=next-step]").TextContent);
    }

    [Fact]
    public void AnMxOfAnotherRegionCountsAndSaysItServesThisRegionToo()
    {
        PublishOutside("10 feedback-smtp.eu-west-1.amazonses.com.");

        var step = RenderStep();

        step.WaitForAssertion(() => Assert.Equal("Passed", State(step, "mx-host")), DnsWait);
        Assert.Contains("One MX serves every region", step.Find("[data-testid=check-item][data-key=mx-host]").TextContent);
    }

    [Fact]
    public async Task FailedOffersRestartWhichMakesSesLookAgain()
    {
        identity.Set(CustomMailFromStatus.Failed);
        var step = RenderStep();
        step.WaitForAssertion(() => Assert.NotEmpty(step.FindAll("button[data-testid=restart-setup]")), DnsWait);
        Assert.Contains("Restart setup", step.Find("[data-testid=next-step]").TextContent);

        await step.InvokeAsync(() => step.Find("button[data-testid=restart-setup]").ClickAsync(new()));

        step.WaitForAssertion(() => Assert.Equal("Waiting", State(step, "ses-status")), DnsWait);
        Assert.Equal(CustomMailFromStatus.Pending, Aws.Ses.Find(Region, Identity)!.MailFrom.MailFromDomainStatus);
        Assert.Equal(MailFrom, Aws.Ses.Find(Region, Identity)!.MailFrom.MailFromDomain);
        Assert.Empty(step.FindAll("button[data-testid=restart-setup]"));
    }

    [Fact]
    public void FailedWithTheRecordsNowRightSaysARestartIsAllThatIsLeft()
    {
        identity.Set(CustomMailFromStatus.Failed);
        PublishOutside("10 feedback-smtp.us-east-1.amazonses.com.");

        var step = RenderStep();

        step.WaitForAssertion(() => Assert.Contains("They look right now", step.Find("[data-testid=next-step]").TextContent), DnsWait);
        Assert.NotEmpty(step.FindAll("button[data-testid=restart-setup]"));
    }

    [Fact]
    public void PendingForLongerThanAnHourGetsAnExtraWord()
    {
        var step = RenderStep();
        step.WaitForAssertion(() => Assert.Equal("Waiting", State(step, "ses-status")), DnsWait);
        Assert.Empty(step.FindAll("[data-testid=pending-long]"));

        Clock.Advance(TimeSpan.FromMinutes(61));

        step.WaitForAssertion(() => Assert.Contains("SES has been looking since", step.Find("[data-testid=pending-long]").TextContent), DnsWait);
    }

    [Fact]
    public void TemporaryFailureSaysSesKeepsTryingAndWhatToCheck()
    {
        identity.Set(CustomMailFromStatus.TemporaryFailure);

        var step = RenderStep();

        step.WaitForAssertion(() => Assert.Contains("tries again by itself", step.Find("[data-testid=next-step]").TextContent), DnsWait);
        Assert.Contains("name servers", step.Find("[data-testid=next-step]").TextContent);
        Assert.Empty(step.FindAll("button[data-testid=restart-setup]"));
    }

    [Fact]
    public async Task WhyShowsTheDiagnosisBehindALine()
    {
        var step = RenderStep();
        step.WaitForAssertion(() => Assert.Equal("Waiting", State(step, "mx-found")), DnsWait);

        // Found and clicked in one dispatch: the checklist re-renders on its own refresh between the two otherwise.
        await step.InvokeAsync(() => step.Find("[data-testid=check-item][data-key=mx-found] button[data-testid=why-toggle]").Click());

        step.WaitForAssertion(() => Assert.Contains("10 feedback-smtp.us-east-1.amazonses.com",
            step.Find("[data-testid=check-item][data-key=mx-found] [data-testid=why-text]").TextContent));
    }

    /// <summary>Sets the MAIL FROM state of the test identity as SES's detection would.</summary>
    private sealed class InMemorySesIdentity(Fakes.InMemorySes.Identity identity)
    {
        public void Set(CustomMailFromStatus status) =>
            identity.MailFrom = new IdentityMailFromDomainAttributes(MailFrom, status, BehaviorOnMxFailure.UseDefaultValue);
    }
}
