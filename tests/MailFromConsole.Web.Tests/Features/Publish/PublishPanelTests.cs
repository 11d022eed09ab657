using Bunit;
using MailFromConsole.Core.Route53;
using MailFromConsole.Web.Features.Publish;
using MailFromConsole.Web.Infrastructure.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.Web.Tests.Features.Publish;

public sealed class PublishPanelTests : ConsoleTestContext
{
    private HostedZone zone = null!;

    private IRenderedComponent<PublishPanel> RenderPanel(string mailFromDomain = "mail.example.com")
    {
        RenderProviders();
        return Render<PublishPanel>(p => p.Add(x => x.Target, new PublishTarget.MailFrom(mailFromDomain, Region)));
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

    [Fact]
    public void OnTheLocalBackendTheManualStepsLinkTheOutsideDnsPage()
    {
        Services.AddSingleton(new LocalBackendInfo(new Uri("http://127.0.0.1:4579/_local/outside-dns"), new Uri("http://127.0.0.1:4579/_local/mailbox")));

        var panel = RenderPanel("mail.elsewhere.org");

        panel.WaitForAssertion(() => Assert.Contains("http://127.0.0.1:4579/_local/outside-dns", panel.Find("[data-testid=manual-local-hint]").InnerHtml));
    }

    [Fact]
    public async Task PublishAppliesTheChangeAndFollowsItToInSync()
    {
        var panel = RenderPanel();
        panel.WaitForAssertion(() => Assert.NotEmpty(panel.FindAll("button[data-testid=publish-route53]")));

        await panel.InvokeAsync(() => panel.Find("button[data-testid=publish-route53]").ClickAsync(new()));

        panel.WaitForAssertion(() => Assert.Equal("INSYNC", panel.Find("[data-testid=change-status]").TextContent));
        Assert.True(panel.Find("button[data-testid=publish-route53]").HasAttribute("disabled"));
        Assert.Equal(["10 feedback-smtp.us-east-1.amazonses.com."], Aws.Route53.ValuesAt(zone, "mail.example.com", "MX"));
        Assert.Equal(["v=spf1 include:amazonses.com ~all"], Aws.Route53.ValuesAt(zone, "mail.example.com", "TXT"));
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
