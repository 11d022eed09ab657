using Bunit;
using MailFromConsole.Core.Ses;
using MailFromConsole.Web.Features.CrossRegion;
using MailFromConsole.Web.Tests.Features.Assistant;
namespace MailFromConsole.Web.Tests.Features.CrossRegion;

public sealed class CrossRegionPageTests() : ConsoleTestContext(onTestClock: true)
{
    private const string OtherRegion = "eu-west-1";

    private IRenderedComponent<CrossRegionPage> RenderPage(string identity)
    {
        RenderProviders();
        return Render<CrossRegionPage>(p => p.Add(x => x.Identity, identity));
    }

    [Fact]
    public void ShowsTheMailFromDomainInEachVerifiedRegionAndThatOneMxServesThemAll()
    {
        var zone = Aws.Route53.AddZone("example.com");
        Aws.Route53.Put(zone, "mail.example.com", "MX", "10 feedback-smtp.us-east-1.amazonses.com.");
        Aws.Ses.Add(Region, "example.com").MailFrom = new IdentityMailFromDomainAttributes("mail.example.com", CustomMailFromStatus.Success, BehaviorOnMxFailure.UseDefaultValue);
        Aws.Ses.Add(OtherRegion, "example.com").MailFrom = new IdentityMailFromDomainAttributes("mail.example.com", CustomMailFromStatus.Success, BehaviorOnMxFailure.RejectMessage);

        var page = RenderPage("example.com");

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=region-row]").Count), DnsWait);
        Assert.All(page.FindAll("[data-testid=region-domain]"), d => Assert.Equal("mail.example.com", d.TextContent));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=shared-mx-note]")), DnsWait);
        var note = page.Find("[data-testid=shared-mx-note]").TextContent;
        Assert.Contains("feedback-smtp.us-east-1.amazonses.com, the feedback host of us-east-1", note);
        Assert.Contains("us-east-1, eu-west-1", note);
        Assert.Contains("one MX serves all of them", note);
    }

    [Fact]
    public void RegionsWhereTheIdentityIsNotVerifiedAreListedApart()
    {
        Aws.Ses.Add(Region, "user@example.com");
        Aws.Ses.Add(OtherRegion, "user@example.com", VerificationStatus.Pending);

        var page = RenderPage("user@example.com");

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=region-row]")));
        Assert.Equal("us-east-1", page.Find("[data-testid=region-row]").GetAttribute("data-region"));
        Assert.Equal("Not set", page.Find("[data-testid=region-domain]").TextContent);
        Assert.Contains("eu-west-1", page.Find("[data-testid=regions-not-verified]").TextContent);
        Assert.Equal("setup-assistant/us-east-1/user%40example.com?region=us-east-1", page.Find("[data-testid=region-assistant]").GetAttribute("href"));
    }

    [Fact]
    public void ARegionWithoutTheIdentityIsSaidAsAFactNotAsAnError()
    {
        Aws.Ses.Add(Region, "example.com");

        var page = RenderPage("example.com");

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=region-row]")));
        var absent = page.Find("[data-testid=regions-absent]");
        Assert.Contains("eu-west-1: example.com is not an identity in eu-west-1", absent.TextContent);
        Assert.Contains("mud-alert-text-info", absent.ClassName);
        Assert.Empty(page.FindAll("[data-testid=regions-error]"));
    }

    [Fact]
    public void AMissingMxIsSaidPlainlyWithTheSharingRule()
    {
        Aws.Route53.AddZone("example.com");
        Aws.Ses.Add(Region, "example.com").MailFrom = new IdentityMailFromDomainAttributes("mail.example.com", CustomMailFromStatus.Pending, BehaviorOnMxFailure.UseDefaultValue);

        var page = RenderPage("example.com");

        page.WaitForAssertion(() => Assert.Contains("does not exist in DNS yet", page.Find("[data-testid=shared-mx-note]").TextContent), DnsWait);
    }
}
