using Bunit;
using MailFromConsole.Core.Route53;
using MailFromConsole.Web.Features.Publish;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.Web.Tests.Features.Publish;

public sealed class PublishPanelTests : ConsoleTestContext
{
    private HostedZone zone = null!;

    private IRenderedComponent<PublishPanel> RenderPanel(string mailFromDomain = "mail.example.com", string? identity = null) =>
        RenderPanel(new PublishTarget.MailFrom(mailFromDomain, Region) { Identity = identity });

    private IRenderedComponent<PublishPanel> RenderPanel(PublishTarget target)
    {
        RenderProviders();
        return Render<PublishPanel>(p => p.Add(x => x.Target, target));
    }

    public PublishPanelTests() => zone = Aws.Route53.AddZone("example.com");

    [Fact]
    public void PreviewShowsTheMergedSpfRecordAndKeepsOtherTxtValues()
    {
        Aws.Route53.Put(zone, "mail.example.com", "TXT", "v=spf1 include:_spf.google.com ~all", "keep-me=1");

        var panel = RenderPanel();

        panel.WaitForAssertion(() => Assert.NotEmpty(panel.FindAll("[data-testid=preview-line]")));
        var txt = panel.FindAll("[data-testid=preview-line]").Single(r => r.Children[2].TextContent == "TXT");
        Assert.Equal("Change", txt.Children[0].TextContent);
        var after = txt.Children[4].Children.Select(c => c.TextContent).ToList();
        Assert.Single(after, v => v.StartsWith("v=spf1"));
        Assert.Contains(after, v => v.Contains("include:amazonses.com") && v.Contains("include:_spf.google.com"));
        Assert.Contains("keep-me=1", after);
        Assert.False(panel.Find("button[data-testid=publish-route53]").HasAttribute("disabled"));
    }

    [Fact]
    public void ANameThatReceivesMailIsRefusedWithoutAPublishButton()
    {
        Aws.Route53.Put(zone, "mail.example.com", "MX", "10 inbound.mailhost.example.net.");

        var panel = RenderPanel();

        panel.WaitForAssertion(() => Assert.Contains("already receives mail", panel.Find("[data-testid=publish-refusal]").TextContent));
        Assert.Contains("pick another subdomain", panel.Find("[data-testid=publish-refusal]").TextContent);
        Assert.Empty(panel.FindAll("button[data-testid=publish-route53]"));
    }

    [Fact]
    public void WithoutAHostedZoneTheManualStepsAreShown()
    {
        var panel = RenderPanel("mail.elsewhere.org");

        panel.WaitForAssertion(() => Assert.Contains("No Route 53 hosted zone", panel.Find("[data-testid=manual-steps]").TextContent));
        Assert.Contains("exactly", panel.Find("[data-testid=manual-steps]").TextContent);
        Assert.Empty(panel.FindAll("button[data-testid=publish-route53]"));
    }

    [Theory]
    [InlineData("newco.test", "newco.test")]
    [InlineData("mail.elsewhere.org", "elsewhere.org")]
    public void TheManualStepsNameTheZoneToLookForNotTheRecordName(string name, string zoneName)
    {
        PublishTarget target = name.StartsWith("mail.", StringComparison.Ordinal)
            ? new PublishTarget.MailFrom(name, Region) { Identity = zoneName }
            : new PublishTarget.Verification(name, "token-123");

        var panel = RenderPanel(target);

        panel.WaitForAssertion(() => Assert.Equal($"No Route 53 hosted zone for {zoneName} in this account", panel.Find("[data-testid=manual-steps-title]").TextContent));
        Assert.DoesNotContain("_amazonses", panel.Find("[data-testid=manual-steps-title]").TextContent);
    }

    [Fact]
    public async Task ThePreviewFollowsTheZoneWhenTheAccountViewSeesItChange()
    {
        Aws.Ses.Add(Region, "example.com");
        var panel = RenderPanel(identity: "example.com");
        panel.WaitForAssertion(() => Assert.Equal("Add", panel.FindAll("[data-testid=preview-line]").Single(r => r.Children[2].TextContent == "TXT").Children[0].TextContent));

        // Someone adds an SPF record; the account view's DNS check of the identity notices it.
        Aws.Route53.Put(zone, "mail.example.com", "TXT", "v=spf1 include:_spf.google.com ~all");
        await Services.GetRequiredService<MailFromConsole.Web.Features.View.AccountView>()
            .ChangedByConsoleAsync(Region, "example.com", s => s with { Dns = new MailFromConsole.Core.View.DnsSnapshot([], SpfOk: false, Conclusive: true), DnsCheckedAt = DateTimeOffset.UtcNow });

        panel.WaitForAssertion(() =>
        {
            var txt = panel.FindAll("[data-testid=preview-line]").Single(r => r.Children[2].TextContent == "TXT");
            Assert.Equal("Change", txt.Children[0].TextContent);
            Assert.Equal("v=spf1 include:_spf.google.com ~all", txt.Children[3].TextContent);
        });
    }

    [Fact]
    public async Task PublishAppliesTheChangeAndFollowsItToInSync()
    {
        var panel = RenderPanel();
        panel.WaitForAssertion(() => Assert.NotEmpty(panel.FindAll("button[data-testid=publish-route53]")));

        await panel.InvokeAsync(() => panel.Find("button[data-testid=publish-route53]").ClickAsync(new()));

        panel.WaitForAssertion(() => Assert.Equal("INSYNC", panel.Find("[data-testid=change-status]").TextContent));
        FlashBar.WaitForAssertion(() => Assert.StartsWith("Published the records for mail.example.com using Route 53", FlashBar.Find("[data-testid=flash-text]").TextContent));
        Assert.True(panel.Find("button[data-testid=publish-route53]").HasAttribute("disabled"));
        Assert.Equal(["10 feedback-smtp.us-east-1.amazonses.com."], Aws.Route53.ValuesAt(zone, "mail.example.com", "MX"));
        Assert.Equal(["v=spf1 include:amazonses.com ~all"], Aws.Route53.ValuesAt(zone, "mail.example.com", "TXT"));
    }

    [Fact]
    public async Task ThePanelRemovedWhileRoute53AppliesTheChangeStillHasTheFlashBarSayHowItEnded()
    {
        // As on the deliverability pane: once the records are in DNS the page drops the panel, Route 53 still PENDING.
        RenderProviders();
        var target = new PublishTarget.MailFrom("mail.example.com", Region);
        var host = Render<Removable>(p => p.Add(x => x.ChildContent, b =>
        {
            b.OpenComponent<PublishPanel>(0);
            b.AddAttribute(1, nameof(PublishPanel.Target), target);
            b.CloseComponent();
        }));
        host.WaitForAssertion(() => Assert.NotEmpty(host.FindAll("button[data-testid=publish-route53]")));
        Aws.Route53.HoldChangesPending = true;

        // The click's handler runs until the change is INSYNC: not awaited here, the page goes on meanwhile.
        var publishing = host.InvokeAsync(() => host.Find("button[data-testid=publish-route53]").ClickAsync(new()));
        host.WaitForAssertion(() => Assert.Equal("PENDING", host.Find("[data-testid=change-status]").TextContent));
        host.Render(p => p.Add(x => x.Shown, false));
        Aws.Route53.HoldChangesPending = false;
        await publishing;

        FlashBar.WaitForAssertion(() => Assert.Equal(
            "Published the records for mail.example.com using Route 53 (change C0001, INSYNC).", FlashBar.Find("[data-testid=flash-text]").TextContent));
        Assert.Empty(host.FindAll("[data-testid=change-status]"));
    }

    [Fact]
    public async Task AConcurrentEditReloadsThePreviewInsteadOfOverwriting()
    {
        Aws.Route53.Put(zone, "mail.example.com", "TXT", "v=spf1 mx ~all");
        var panel = RenderPanel();
        panel.WaitForAssertion(() => Assert.NotEmpty(panel.FindAll("button[data-testid=publish-route53]")));
        Aws.Route53.Put(zone, "mail.example.com", "TXT", "v=spf1 a ~all");

        await panel.InvokeAsync(() => panel.Find("button[data-testid=publish-route53]").ClickAsync(new()));

        panel.WaitForAssertion(() => Assert.Contains("changed since the preview", panel.Find("[data-testid=publish-message]").TextContent));
        // Plain words first; Route 53's own message only behind Details.
        Assert.DoesNotContain("Route 53:", panel.Find("[data-testid=publish-message-text]").TextContent);
        var details = panel.Find("details[data-testid=publish-message-details]");
        Assert.False(details.HasAttribute("open"));
        Assert.Contains("Route 53:", details.TextContent);
        Assert.Equal("Warning", FlashBar.Find("[data-testid=flash-bar]").GetAttribute("data-severity"));
        var txt = panel.FindAll("[data-testid=preview-line]").Single(r => r.Children[2].TextContent == "TXT");
        Assert.Equal("v=spf1 a ~all", txt.Children[3].TextContent);
        Assert.Equal(["v=spf1 a ~all"], Aws.Route53.ValuesAt(zone, "mail.example.com", "TXT"));
    }

    [Fact]
    public void ARoute53ErrorIsShownWithARetryInsteadOfBreakingThePage()
    {
        Aws.Route53.FailNext("AccessDenied", "User is not authorized to perform route53:ListHostedZonesByName");

        var panel = RenderPanel();

        panel.WaitForAssertion(() => Assert.Contains("not authorized", panel.Find("[data-testid=publish-error]").TextContent));
        Assert.Contains("Try again", panel.Markup);
    }
}
