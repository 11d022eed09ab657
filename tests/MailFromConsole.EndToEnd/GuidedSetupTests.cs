using System.Net.Http.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MailFromConsole.EndToEnd;

/// <summary>A newcomer walks the setup assistant from "choose an identity" to SES's Success, on both DNS paths.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class GuidedSetupTests(ConsoleFixture console)
{
    [Fact]
    public async Task NewcomerPublishesThroughRoute53MergingTheExistingSpfAndReachesSuccess()
    {
        var page = await StartAssistantAsync("spf-conflict.test", "mail.spf-conflict.test", "assistant-2-name");

        await Expect(page.GetByTestId("route53-path")).ToBeVisibleAsync();
        // The existing SPF record is extended, not doubled: the preview changes the TXT set instead of adding a second SPF.
        var txtChange = page.GetByTestId("preview-table").Locator("[data-testid=preview-line][data-kind=Change]");
        await Expect(txtChange).ToHaveCountAsync(1);
        await Expect(txtChange).ToContainTextAsync("v=spf1 include:_spf.mailprovider.test include:amazonses.com ~all");
        await Expect(txtChange).ToContainTextAsync("mailprovider-verification=");
        await page.ScreenshotAsync(new() { Path = ScreenshotFolder.PathFor("assistant-3-publish") });
        await page.GetByTestId("publish-route53").ClickAsync();
        await Expect(page.GetByTestId("change-status")).ToHaveTextAsync("INSYNC", new() { Timeout = 30_000 });

        await FinishAndWaitForSuccessAsync(page, "assistant-4-success");
    }

    [Fact]
    public async Task NewcomerAddsTheRecordsAtAnotherDnsProviderAndReachesSuccess()
    {
        var page = await StartAssistantAsync("example.org", "mail.example.org", null);

        await Expect(page.GetByTestId("manual-path")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("manual-dns-help")).ToBeVisibleAsync();
        await Expect(page.Locator("a[data-testid=download-csv]")).ToHaveAttributeAsync("download", new System.Text.RegularExpressions.Regex(".+\\.csv$"));
        await page.ScreenshotAsync(new() { Path = ScreenshotFolder.PathFor("assistant-3-manual") });

        // The user adds the two records by hand at "their DNS provider" (the local outside-DNS zone, on the console
        // behind its sign-in: the browser's own session makes the calls).
        foreach (var (type, value) in new[] { ("MX", "10 feedback-smtp.us-east-1.amazonses.com."), ("TXT", "v=spf1 include:amazonses.com ~all") })
        {
            var response = await page.Context.APIRequest.PostAsync(new Uri(console.App.BaseUrl, "_local/outside-dns/api/records").ToString(), new()
            {
                DataObject = new { zone = "example.org", name = "mail", type, value },
                Headers = new Dictionary<string, string> { [MailFromConsole.LocalAws.Local.LocalApiGuard.Header] = "1" },
            });
            Assert.True(response.Ok, $"{type}: {response.Status} {await response.TextAsync()}");
        }

        await FinishAndWaitForSuccessAsync(page, null);
    }

    private async Task<IPage> StartAssistantAsync(string identity, string mailFromDomain, string? screenshot)
    {
        var page = await console.Browser.SignInAsync(console.App.BaseUrl, TestUsers.Operator, "setup-assistant?region=us-east-1");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Set Up Your Own MAIL FROM Domain" })).ToBeVisibleAsync();
        if (screenshot is not null) await page.ScreenshotAsync(new() { Path = ScreenshotFolder.PathFor("assistant-1-identity") });
        await page.Locator($"[data-testid=identity-choice][data-identity='{identity}']").ClickAsync();

        await page.Locator("input[data-testid=subdomain-input]").FillAsync(mailFromDomain);
        var checks = page.GetByTestId("subdomain-checks");
        await Expect(checks.Locator("[data-key=valid]")).ToHaveAttributeAsync("data-state", "Passed");
        await Expect(checks.Locator("[data-key=receives-mail]")).ToHaveAttributeAsync("data-state", "Passed");
        var useName = page.GetByTestId("use-subdomain");
        await Expect(useName).ToBeEnabledAsync();
        if (screenshot is not null) await page.ScreenshotAsync(new() { Path = ScreenshotFolder.PathFor(screenshot) });
        await useName.ClickAsync();
        return page;
    }

    private static async Task FinishAndWaitForSuccessAsync(IPage page, string? screenshot)
    {
        await page.GetByTestId("records-done").ClickAsync();
        var checklist = page.GetByTestId("setup-checklist");
        await Expect(checklist).ToBeVisibleAsync();
        // The checklist refreshes itself until SES (the local backend's MX detection) says Success.
        await Expect(page.GetByTestId("next-step")).ToContainTextAsync("Done.", new() { Timeout = 60_000 });
        await Expect(checklist.Locator("[data-testid=check-item][data-key=mx-one]")).ToBeVisibleAsync();
        if (screenshot is not null) await page.ScreenshotAsync(new() { Path = ScreenshotFolder.PathFor(screenshot) });
    }
}
