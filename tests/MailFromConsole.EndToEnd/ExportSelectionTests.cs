using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MailFromConsole.EndToEnd;

/// <summary>Export Selection on the Domains list, downloaded by the browser as the console's page posts it.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class ExportSelectionTests(ConsoleFixture console)
{
    [Fact]
    public async Task AViewerDownloadsTheTickedDomainsAsTerraform()
    {
        var page = await console.Browser.SignInAsync(console.App.BaseUrl, TestUsers.Viewer, "domains?region=us-east-1");
        foreach (var domain in new[] { "example.net", "two-mx.test" })
            await page.GetByRole(AriaRole.Checkbox, new() { Name = $"Select {domain}", Exact = true }).CheckAsync();
        await page.GetByTestId("export-selection").ClickAsync();
        await Expect(page.GetByTestId("export-text-terraform")).ToContainTextAsync("two-mx.test");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-download-terraform").ClickAsync());

        Assert.Equal("mail-from.tf", download.SuggestedFilename);
        var text = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.Equal(await page.GetByTestId("export-text-terraform").TextContentAsync(), text);
        Assert.Contains("resource \"aws_ses_domain_mail_from\" \"example_net\"", text);
        // two-mx.test's MAIL FROM setting depends on which other browser tests ran before on the shared console: only its presence is certain.
        Assert.Contains("two-mx.test", text);
    }
}
