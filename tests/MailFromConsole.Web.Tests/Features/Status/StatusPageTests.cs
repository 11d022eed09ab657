using Bunit;
using MailFromConsole.Core.Ses;
using MailFromConsole.Web.Features.Status;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.Web.Tests.Features.Status;

public sealed class StatusPageTests : ConsoleTestContext
{
    private IRenderedComponent<StatusPage> RenderStatus(string identity)
    {
        RenderProviders();
        Services.GetRequiredService<NavigationManager>().NavigateTo($"status?identity={Uri.EscapeDataString(identity)}");
        return Render<StatusPage>();
    }

    [Fact]
    public void StatusRefreshesLiveFromTheAccountViewUntilSuccess()
    {
        var identity = Aws.Ses.Add(Region, "example.com");
        identity.MailFrom = new("mail.example.com", CustomMailFromStatus.Pending, BehaviorOnMxFailure.RejectMessage);
        var page = RenderStatus("example.com");
        page.WaitForAssertion(() => Assert.Equal("Pending", page.Find("[data-testid=ses-status] [data-testid=mailfrom-status]").TextContent));
        Assert.NotEmpty(page.FindAll("[data-testid=status-live]"));

        // SES detects the record; the view learns it (here at once) and pushes it to the open page.
        identity.MailFrom = identity.MailFrom with { MailFromDomainStatus = CustomMailFromStatus.Success };

        page.WaitForAssertion(() => Assert.Equal("Success", page.Find("[data-testid=ses-status] [data-testid=mailfrom-status]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=status-live]"));
    }

    [Fact]
    public void TheDnsDiagnosisExplainsAMissingMxBesideTheSesStatus()
    {
        Aws.Route53.AddZone("example.com");
        Aws.Ses.Add(Region, "example.com").MailFrom = new("mail.example.com", CustomMailFromStatus.Pending, BehaviorOnMxFailure.UseDefaultValue);

        var page = RenderStatus("example.com");

        page.WaitForAssertion(() => Assert.Contains(page.FindAll("[data-testid=dns-finding]"), f => f.GetAttribute("data-code") == "NoMx"), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void TheDnsDiagnosisSeesPublishedRecords()
    {
        var zone = Aws.Route53.AddZone("example.com");
        Aws.Route53.Put(zone, "mail.example.com", "MX", "10 feedback-smtp.us-east-1.amazonses.com.");
        Aws.Route53.Put(zone, "mail.example.com", "TXT", "v=spf1 include:amazonses.com ~all");
        Aws.Ses.Add(Region, "example.com").MailFrom = new("mail.example.com", CustomMailFromStatus.Pending, BehaviorOnMxFailure.UseDefaultValue);

        var page = RenderStatus("example.com");

        page.WaitForAssertion(() => Assert.Contains(page.FindAll("[data-testid=dns-finding]"), f => f.GetAttribute("data-code") == "MxOk"), TimeSpan.FromSeconds(5));
        Assert.DoesNotContain(page.FindAll("[data-testid=dns-finding]"), f => f.GetAttribute("data-code") is "NoMx" or "NoSpf");
    }

    [Fact]
    public async Task ThePrerenderedStatusPageShowsTheViewAndLeavesTheDnsCheckToTheCircuit()
    {
        var zone = Aws.Route53.AddZone("example.com");
        Aws.Route53.Put(zone, "mail.example.com", "MX", "10 feedback-smtp.us-east-1.amazonses.com.");
        Aws.Ses.Add(Region, "example.com").MailFrom = new("mail.example.com", CustomMailFromStatus.Pending, BehaviorOnMxFailure.UseDefaultValue);
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var page = RenderStatus("example.com");

        // The document carries SES's status from the account view; a live DNS check would hold it back, so it waits for the circuit.
        page.WaitForAssertion(() => Assert.Equal("Pending", page.Find("[data-testid=ses-status] [data-testid=mailfrom-status]").TextContent));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Empty(page.FindAll("[data-testid=dns-finding]"));
        Assert.NotEmpty(page.FindAll("[data-testid=dns-diagnosis] [aria-label=Loading]"));
    }

    [Fact]
    public async Task SendTestEmailShowsTheMailFromDomainNotVerifiedRejection()
    {
        Aws.Ses.Add(Region, "user@example.com").MailFrom = new("mail.example.com", CustomMailFromStatus.Pending, BehaviorOnMxFailure.RejectMessage);
        var page = RenderStatus("user@example.com");
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("button[data-testid=send-test]")));

        await page.InvokeAsync(() => page.Find("button[data-testid=send-test]").ClickAsync(new()));

        page.WaitForAssertion(() => Assert.Contains("MailFromDomainNotVerified", page.Find("[data-testid=test-outcome]").TextContent));
    }

    [Fact]
    public async Task AfterFailedTheStatusPageRestartsTheSetupAndWatchesAgain()
    {
        var identity = Aws.Ses.Add(Region, "example.com");
        identity.MailFrom = new("mail.example.com", CustomMailFromStatus.Failed, BehaviorOnMxFailure.UseDefaultValue);
        var page = RenderStatus("example.com");
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("button[data-testid=status-restart]")));
        Assert.Empty(page.FindAll("[data-testid=status-live]"));

        await page.InvokeAsync(() => page.Find("button[data-testid=status-restart]").ClickAsync(new()));

        page.WaitForAssertion(() => Assert.Equal("Pending", page.Find("[data-testid=ses-status] [data-testid=mailfrom-status]").TextContent));
        Assert.NotEmpty(page.FindAll("[data-testid=status-live]"));
        Assert.Equal(CustomMailFromStatus.Pending, identity.MailFrom.MailFromDomainStatus);
    }

    [Fact]
    public void AnSesErrorOnTheStatusPageIsShownNotThrown()
    {
        Aws.Ses.Add(Region, "example.com");
        Aws.Ses.FailNext("GetIdentityMailFromDomainAttributes", "AccessDenied", "User is not authorized to perform ses:GetIdentityMailFromDomainAttributes");

        var page = RenderStatus("example.com");

        page.WaitForAssertion(() => Assert.Contains("not authorized", page.Find("[data-testid=status-error]").TextContent));
    }
}
