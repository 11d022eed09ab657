using Bunit;
using MailFromConsole.Core.Records;
using MailFromConsole.Web.Features.Assistant.ManualDns;
namespace MailFromConsole.Web.Tests.Features.Assistant.ManualDns;

public sealed class ManualDnsHelpTests : ConsoleTestContext
{
    private IRenderedComponent<ManualDnsHelp> RenderHelp(string mailFrom = "mail.example.com", string zone = "example.com")
    {
        RenderProviders();
        return Render<ManualDnsHelp>(p => p
            .Add(x => x.MailFromDomain, mailFrom)
            .Add(x => x.Records, new RequiredRecordSet(RequiredRecords.For(mailFrom, Region), []))
            .Add(x => x.ZoneApex, zone));
    }

    [Fact]
    public void RecordsAreShownAsProvidersAskForThemWithTheShortHostName()
    {
        var help = RenderHelp();

        var mx = help.Find("[data-testid=manual-record][data-type=MX]");
        Assert.Equal("mail", mx.QuerySelector("[data-testid=manual-host]")!.TextContent);
        Assert.Contains("10", mx.QuerySelector("[data-testid=manual-priority]")!.TextContent);
        Assert.Equal("feedback-smtp.us-east-1.amazonses.com", mx.QuerySelector("[data-testid=manual-value]")!.TextContent);
        var txt = help.Find("[data-testid=manual-record][data-type=TXT]");
        Assert.Equal("v=spf1 include:amazonses.com ~all", txt.QuerySelector("[data-testid=manual-value]")!.TextContent);
    }

    [Fact]
    public void DownloadCsvLinkCarriesTheRecordSetAndAFileName()
    {
        var help = RenderHelp();

        var link = help.Find("[data-testid=download-csv]");
        Assert.Equal("a", link.TagName.ToLowerInvariant());
        Assert.Equal("mail.example.com-mail-from-records.csv", link.GetAttribute("download"));
        var href = link.GetAttribute("href")!;
        Assert.Equal(RecordSetExport.Csv(RequiredRecords.For("mail.example.com", Region)), Uri.UnescapeDataString(href[(href.IndexOf(',') + 1)..]));
        Assert.Contains("Download .csv record set", link.TextContent);
    }

    [Fact]
    public void ZoneFileSnippetUsesAbsoluteNamesAndAQuotedSpfValue()
    {
        var help = RenderHelp();

        var snippet = help.Find("[data-testid=manual-zone-snippet]").TextContent;
        Assert.Contains("mail.example.com.\t300\tIN\tMX\t10 feedback-smtp.us-east-1.amazonses.com.", snippet);
        Assert.Contains("mail.example.com.\t300\tIN\tTXT\t\"v=spf1 include:amazonses.com ~all\"", snippet);
    }

    [Fact]
    public void ProviderTabsOfferEveryCommonProviderWithItsTraps()
    {
        var help = RenderHelp("bounce.shop.example.com");

        var tabs = help.Find("[data-testid=provider-tabs]").TextContent;
        foreach (var name in new[] { "Route 53 (another AWS account)", "Cloudflare", "GoDaddy", "Google Cloud DNS", "Azure DNS", "Other DNS provider" })
            Assert.Contains(name, tabs);
        var traps = help.FindAll("[data-testid=provider-trap]").Select(t => t.TextContent).ToList();
        Assert.Contains(traps, t => t.Contains("\"bounce.shop\"") && t.Contains("not \"bounce.shop.example.com\""));
    }

    [Fact]
    public async Task CopyButtonCopiesTheHostFieldValue()
    {
        var copy = JSInterop.Setup<bool>("mailFromConsole.copy", "mail").SetResult(true);
        var help = RenderHelp();

        var mx = help.Find("[data-testid=manual-record][data-type=MX]");
        await help.InvokeAsync(() => mx.QuerySelector("[data-testid=copy-button]")!.ClickAsync(new()));

        Assert.Single(copy.Invocations);
        Snackbars.WaitForAssertion(() => Assert.Contains("Copied MX host field", Snackbars.Markup));
    }
}
