using Bunit;
using MailFromConsole.Web.Features.Publish;
using MudBlazor;

namespace MailFromConsole.Web.Tests.Features.Publish;

public sealed class RecordsWindowTests : ConsoleTestContext
{
    private async Task<IRenderedComponent<MudDialogProvider>> OpenAsync(string mailFrom = "mail.example.com")
    {
        var provider = RenderProviders();
        await ShowDialogAsync(provider, "MAIL FROM records", new DialogParameters<RecordsWindow>
        {
            { d => d.Region, "eu-west-1" },
            { d => d.MailFromDomain, mailFrom },
        });
        return provider;
    }

    [Fact]
    public async Task ShowsTheMxAndSpfRecordsForTheRegionAndAZoneFileSnippet()
    {
        var provider = await OpenAsync();

        var rows = provider.FindAll("[data-testid=record-row]");
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.TextContent.Contains("MX") && r.TextContent.Contains("10 feedback-smtp.eu-west-1.amazonses.com"));
        Assert.Contains(rows, r => r.TextContent.Contains("TXT") && r.TextContent.Contains("v=spf1 include:amazonses.com ~all"));
        var snippet = provider.Find("[data-testid=zone-snippet]").TextContent;
        Assert.Contains("mail.example.com.", snippet);
        Assert.Contains("\"v=spf1 include:amazonses.com ~all\"", snippet);
    }

    [Fact]
    public async Task AnExistingSpfRecordIsShownMergedWithSesInTheTableAndTheZoneFile()
    {
        Aws.Route53.PutOutside("spf-elsewhere.test", "mail.spf-elsewhere.test", "TXT", "v=spf1 ip4:192.0.2.1 -all");

        var provider = await OpenAsync("mail.spf-elsewhere.test");

        const string merged = "v=spf1 ip4:192.0.2.1 include:amazonses.com -all";
        provider.WaitForAssertion(() => Assert.Contains(provider.FindAll("[data-testid=record-row]"), r => r.TextContent.Contains(merged)));
        Assert.Contains("Replaces the existing SPF record v=spf1 ip4:192.0.2.1 -all", provider.Find("[data-testid=record-replaces]").TextContent);
        Assert.Contains($"\"{merged}\"", provider.Find("[data-testid=zone-snippet]").TextContent);
        Assert.DoesNotContain("v=spf1 include:amazonses.com ~all", provider.Markup);
    }

    [Fact]
    public async Task CopyPutsTheValueOnTheClipboardAndConfirms()
    {
        var copy = JSInterop.Setup<bool>("mailFromConsole.copy", "10 feedback-smtp.eu-west-1.amazonses.com").SetResult(true);
        var provider = await OpenAsync();

        var mxRow = provider.FindAll("[data-testid=record-row]").Single(r => r.TextContent.Contains("MX"));
        await provider.InvokeAsync(() => mxRow.Children[2].QuerySelector("button")!.ClickAsync(new()));

        Assert.Single(copy.Invocations);
        Snackbars.WaitForAssertion(() => Assert.Contains("Copied MX value", Snackbars.Markup));
    }

    [Fact]
    public async Task EachCopyReplacesTheLastConfirmationInsteadOfStackingThem()
    {
        JSInterop.Setup<bool>("mailFromConsole.copy", _ => true).SetResult(true);
        var provider = await OpenAsync();

        foreach (var button in provider.FindAll("[data-testid=record-row] button[data-testid=copy-button]").ToList())
            await provider.InvokeAsync(() => button.ClickAsync(new()));

        // Four copies (two names, two values): one toast, the last one's.
        Snackbars.WaitForAssertion(() => Assert.Contains("Copied TXT value", Assert.Single(Snackbars.FindAll(".mud-snackbar")).TextContent));
    }

    [Fact]
    public async Task ARefusedClipboardTellsTheUserToCopyByHand()
    {
        JSInterop.Setup<bool>("mailFromConsole.copy", _ => true).SetException(new Microsoft.JSInterop.JSException("NotAllowedError"));
        var provider = await OpenAsync();

        await provider.InvokeAsync(() => provider.Find("[data-testid=record-row] button").ClickAsync(new()));

        Snackbars.WaitForAssertion(() => Assert.Contains("did not allow copying", Snackbars.Markup));
    }
}
