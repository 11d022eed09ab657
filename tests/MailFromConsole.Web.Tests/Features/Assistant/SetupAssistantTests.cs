using Bunit;
using MailFromConsole.Core.Ses;
using MailFromConsole.Web.Features.Assistant;
using MailFromConsole.Web.Features.Status;
using MailFromConsole.Web.Infrastructure.Regions;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.Web.Tests.Features.Assistant;

public sealed class SetupAssistantTests() : ConsoleTestContext(onTestClock: true)
{
    private IRenderedComponent<SetupAssistant> RenderAssistant(string? region = null, string? identity = null)
    {
        RenderProviders();
        return Render<SetupAssistant>(p => p.Add(x => x.RouteRegion, region).Add(x => x.RouteIdentity, identity));
    }

    [Fact]
    public async Task ANewcomerWalksFromChoosingTheIdentityToTheLiveChecklist()
    {
        Aws.Route53.AddZone("example.com");
        Aws.Ses.Add(Region, "example.com");
        var assistant = RenderAssistant();

        assistant.WaitForAssertion(() => Assert.NotEmpty(assistant.FindAll("[data-testid=identity-choice]")));
        assistant.Find("[data-testid=identity-choice][data-identity='example.com']").Click();

        assistant.WaitForAssertion(() => Assert.NotNull(assistant.Find("[data-testid=step-subdomain]")));
        assistant.FindAll("[data-testid=suggestion]")[0].Click();
        assistant.WaitForAssertion(() => Assert.False(assistant.Find("button[data-testid=use-subdomain]").HasAttribute("disabled")), DnsWait);
        await assistant.InvokeAsync(() => assistant.Find("button[data-testid=use-subdomain]").ClickAsync(new()));

        assistant.WaitForAssertion(() => Assert.NotEmpty(assistant.FindAll("button[data-testid=publish-route53]")));
        Assert.Equal("mail.example.com", Aws.Ses.Find(Region, "example.com")!.MailFrom.MailFromDomain);
        await assistant.InvokeAsync(() => assistant.Find("button[data-testid=publish-route53]").ClickAsync(new()));
        assistant.WaitForAssertion(() => Assert.Equal("INSYNC", assistant.Find("[data-testid=change-status]").TextContent));
        assistant.Find("button[data-testid=records-done]").Click();

        assistant.WaitForAssertion(() => Assert.Equal("Passed",
            assistant.Find("[data-testid=setup-checklist] [data-testid=check-item][data-key=mx-host]").GetAttribute("data-state")), DnsWait);
        Assert.Equal("Waiting", assistant.Find("[data-testid=check-item][data-key=ses-status]").GetAttribute("data-state"));

        Aws.Ses.Find(Region, "example.com")!.MailFrom = Aws.Ses.Find(Region, "example.com")!.MailFrom with { MailFromDomainStatus = CustomMailFromStatus.Success };
        assistant.WaitForAssertion(() => Assert.StartsWith("Done.", assistant.Find("[data-testid=next-step]").TextContent), DnsWait);
    }

    [Fact]
    public void OpenedFromAnIdentityStartsAtChoosingTheName()
    {
        Aws.Ses.Add("eu-west-1", "user@example.com");

        var assistant = RenderAssistant("eu-west-1", "user@example.com");

        assistant.WaitForAssertion(() => Assert.NotNull(assistant.Find("[data-testid=step-subdomain]")));
        Assert.Equal("eu-west-1", assistant.Find("[data-testid=assistant-region]").TextContent);
        Assert.Equal(["mail.example.com", "bounce.example.com"], assistant.FindAll("[data-testid=suggestion]").Select(b => b.TextContent));
    }

    [Fact]
    public void OpenedFromAnUnverifiedIdentityExplainsWhyAndOffersTheVerifiedOnes()
    {
        Aws.Ses.Add(Region, "waiting.org", VerificationStatus.Pending);
        Aws.Ses.Add(Region, "example.com");

        var assistant = RenderAssistant(Region, "waiting.org");

        assistant.WaitForAssertion(() => Assert.Contains("not verified", assistant.Find("[data-testid=assistant-start-error]").TextContent));
        assistant.WaitForAssertion(() => Assert.Single(assistant.FindAll("[data-testid=identity-choice]")));
    }

    [Fact]
    public void LaterStepsCannotBeOpenedBeforeAnIdentityIsChosen()
    {
        Aws.Ses.Add(Region, "example.com");
        var assistant = RenderAssistant();
        assistant.WaitForAssertion(() => Assert.NotEmpty(assistant.FindAll("[data-testid=identity-choice]")));

        assistant.FindAll(".mud-step")[3].Click();

        Assert.NotNull(assistant.Find("[data-testid=step-identity]"));
        Assert.Empty(assistant.FindAll("[data-testid=step-wait]"));
    }

    [Fact]
    public async Task SwitchingRegionStartsTheAssistantAgainInTheNewRegion()
    {
        Aws.Ses.Add(Region, "example.com");
        Aws.Ses.Add("eu-west-1", "user@example.org");
        var assistant = RenderAssistant(Region, "example.com");
        assistant.WaitForAssertion(() => Assert.NotNull(assistant.Find("[data-testid=step-subdomain]")));

        await assistant.InvokeAsync(() => Services.GetRequiredService<IRegionState>().Select("eu-west-1"));

        assistant.WaitForAssertion(() => Assert.Equal("eu-west-1", assistant.Find("[data-testid=assistant-region]").TextContent));
        assistant.WaitForAssertion(() => Assert.Equal(["user@example.org"], assistant.FindAll("[data-testid=identity-choice]").Select(e => e.GetAttribute("data-identity"))));
    }

    [Fact]
    public async Task TheRegionSelectorsReNavigationDoesNotPullTheRegionBackToTheLinksRegion()
    {
        Aws.Ses.Add(Region, "example.com");
        var assistant = RenderAssistant(Region, "example.com");
        assistant.WaitForAssertion(() => Assert.NotNull(assistant.Find("[data-testid=step-subdomain]")));

        // The selector switches the region, then navigates to the same path with ?region=eu-west-1.
        await assistant.InvokeAsync(() => Services.GetRequiredService<IRegionState>().Select("eu-west-1"));
        assistant.Render(p => p.Add(x => x.RouteRegion, Region).Add(x => x.RouteIdentity, "example.com"));

        assistant.WaitForAssertion(() => Assert.Equal("eu-west-1", assistant.Find("[data-testid=assistant-region]").TextContent));
        Assert.Equal("eu-west-1", Services.GetRequiredService<IRegionState>().Current);
        Assert.NotNull(assistant.Find("[data-testid=step-identity]"));
    }
}
