using Bunit;
using MailFromConsole.Web.Features.Publish;
using MudBlazor;

namespace MailFromConsole.Web.Tests.Features.Publish;

public sealed class RecordsWindowTests : ConsoleTestContext
{
    private async Task<IRenderedComponent<MudDialogProvider>> OpenAsync()
    {
        var provider = RenderProviders();
        await ShowDialogAsync(provider, "MAIL FROM records", new DialogParameters<RecordsWindow>
        {
            { d => d.Region, "eu-west-1" },
            { d => d.MailFromDomain, "mail.example.com" },
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
    public async Task ARefusedClipboardTellsTheUserToCopyByHand()
    {
        JSInterop.Setup<bool>("mailFromConsole.copy", _ => true).SetException(new Microsoft.JSInterop.JSException("NotAllowedError"));
        var provider = await OpenAsync();

        await provider.InvokeAsync(() => provider.Find("[data-testid=record-row] button").ClickAsync(new()));

        Snackbars.WaitForAssertion(() => Assert.Contains("did not allow copying", Snackbars.Markup));
    }
}
