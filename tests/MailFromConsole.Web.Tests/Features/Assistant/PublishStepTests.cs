using Bunit;
using MailFromConsole.Web.Features.Assistant;
namespace MailFromConsole.Web.Tests.Features.Assistant;

public sealed class PublishStepTests() : ConsoleTestContext(onTestClock: true)
{
    private IRenderedComponent<PublishStep> RenderStep(string identity, string mailFrom)
    {
        RenderProviders();
        return Render<PublishStep>(p => p.Add(x => x.Region, Region).Add(x => x.Identity, identity).Add(x => x.MailFromDomain, mailFrom));
    }

    [Fact]
    public void WithTheZoneInThisAccountOffersRoute53PublishingAndKeepsTheManualPathAtHand()
    {
        Aws.Route53.AddZone("example.com");

        var step = RenderStep("user@example.com", "mail.example.com");

        step.WaitForAssertion(() => Assert.Contains("Route 53", step.Find("[data-testid=route53-path]").TextContent));
        step.WaitForAssertion(() => Assert.NotEmpty(step.FindAll("button[data-testid=publish-route53]")));
        Assert.Contains("I'd rather add the records myself", step.Find("[data-testid=manual-instead]").TextContent);
        Assert.Empty(step.FindAll("[data-testid=manual-path]"));
    }

    [Fact]
    public void WithoutTheZoneGuidesTheManualPath()
    {
        var step = RenderStep("elsewhere.org", "mail.elsewhere.org");

        step.WaitForAssertion(() => Assert.Contains("not managed in this AWS account", step.Find("[data-testid=manual-path]").TextContent));
        Assert.Empty(step.FindAll("button[data-testid=publish-route53]"));
        Assert.NotNull(step.Find("[data-testid=manual-dns-help] [data-testid=download-csv]"));
        Assert.Equal("mail", step.Find("[data-testid=manual-record][data-type=MX] [data-testid=manual-host]").TextContent);
    }

    [Fact]
    public void ShowsBothRecordsInPlainWords()
    {
        var step = RenderStep("elsewhere.org", "mail.elsewhere.org");

        var text = step.Find("[data-testid=step-records]").TextContent;
        Assert.Contains("MX", text);
        Assert.Contains("SPF", text);
        Assert.Equal(2, step.FindAll("[data-testid=record-row]").Count);
    }

    [Fact]
    public void DoneMovesOn()
    {
        var done = false;
        RenderProviders();
        var step = Render<PublishStep>(p => p.Add(x => x.Region, Region).Add(x => x.Identity, "elsewhere.org")
            .Add(x => x.MailFromDomain, "mail.elsewhere.org").Add(x => x.Done, () => done = true));

        step.Find("button[data-testid=records-done]").Click();

        step.WaitForAssertion(() => Assert.True(done));
    }

    [Fact]
    public void ManualRecordsExtendAnExistingSpfRecordInsteadOfAddingASecondOne()
    {
        // Another provider's zone with an SPF record and another TXT value already at the MAIL FROM name.
        Aws.Route53.PutOutside("elsewhere.org", "mail.elsewhere.org", "TXT", "v=spf1 include:_spf.example.net ~all", "site-verification=abc");

        var step = RenderStep("elsewhere.org", "mail.elsewhere.org");

        const string merged = "v=spf1 include:_spf.example.net include:amazonses.com ~all";
        step.WaitForAssertion(() => Assert.Equal(merged,
            step.Find("[data-testid=manual-record][data-type=TXT] [data-testid=manual-value]").TextContent));
        Assert.Contains("Replaces the existing SPF record v=spf1 include:_spf.example.net ~all",
            step.Find("[data-testid=manual-record][data-type=TXT] [data-testid=record-replaces]").TextContent);
        Assert.Contains($"TXT\t\"{merged}\"", step.Find("[data-testid=manual-zone-snippet]").TextContent);
        var csv = Uri.UnescapeDataString(step.Find("[data-testid=download-csv]").GetAttribute("href")!);
        Assert.Contains(merged, csv);
        Assert.DoesNotContain("v=spf1 include:amazonses.com ~all", csv);
        Assert.DoesNotContain(step.FindAll("[data-testid=record-row]"), r => r.TextContent.Contains("v=spf1 include:amazonses.com ~all"));
    }

    [Fact]
    public void TwoSpfRecordsAtTheNameAreNamedAsTheProblemToFixFirst()
    {
        Aws.Route53.PutOutside("elsewhere.org", "mail.elsewhere.org", "TXT", "v=spf1 a ~all", "v=spf1 mx ~all");

        var step = RenderStep("elsewhere.org", "mail.elsewhere.org");

        step.WaitForAssertion(() => Assert.Contains("There are 2 SPF records", step.Find("[data-testid=manual-problem]").TextContent));
    }
}
