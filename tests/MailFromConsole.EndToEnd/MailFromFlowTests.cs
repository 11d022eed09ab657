using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MailFromConsole.EndToEnd;

/// <summary>The SES console procedure, step by step, on the local backend's demo data.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class MailFromFlowTests(ConsoleFixture console)
{
    [Fact]
    public async Task DomainWithHostedZoneReachesSuccessAfterPublishingRecordsUsingRoute53()
    {
        var page = await OpenDomainAsync("example.com");
        await OpenSetDialogAsync(page);
        await MailFromInput(page).FillAsync("mail.example.com");
        await page.GetByRole(AriaRole.Radio, new() { Name = "Reject message" }).CheckAsync();
        await page.ScreenshotAsync(new() { Path = ScreenshotFolder.PathFor("set-mail-from-domain") });
        await page.GetByTestId("dialog-set").ClickAsync();

        // The records window: exactly one MX to the region's feedback host and the SPF record.
        var window = page.GetByTestId("records-window");
        await Expect(window.GetByTestId("record-row")).ToHaveCountAsync(2);
        await Expect(window).ToContainTextAsync("10 feedback-smtp.us-east-1.amazonses.com");
        await Expect(window).ToContainTextAsync("v=spf1 include:amazonses.com ~all");
        await Expect(window.GetByTestId("preview-table")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = ScreenshotFolder.PathFor("records-window") });

        await window.GetByTestId("publish-route53").ClickAsync();
        await Expect(window.GetByTestId("change-status")).ToHaveTextAsync("INSYNC", new() { Timeout = 30_000 });
        // The dialog's actions sit outside its content element.
        await page.GetByTestId("records-close").ClickAsync();

        // SES (the local backend) detects the MX through DNS: the details pane and the list row follow it, no reload.
        await Expect(page.GetByTestId("mailfrom-section").GetByTestId("mailfrom-status")).ToHaveTextAsync("Success", new() { Timeout = 45_000 });
        var row = page.Locator("tr.identity-row").Filter(new() { Has = page.GetByTestId("identity-link").GetByText("example.com", new() { Exact = true }) });
        await Expect(row.GetByTestId("mailfrom-status")).ToHaveTextAsync("Success");

        await page.GetByTestId("open-status").ClickAsync();
        await Expect(page.GetByTestId("ses-status").GetByTestId("mailfrom-status")).ToHaveTextAsync("Success");
        await Expect(page.GetByTestId("dns-diagnosis").Locator("[data-code='MxOk']")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = ScreenshotFolder.PathFor("status-success") });
    }

    [Fact]
    public async Task DomainWhoseZoneIsNotInTheAccountShowsManualSteps()
    {
        var page = await OpenDomainAsync("example.org");
        await OpenSetDialogAsync(page);
        await MailFromInput(page).FillAsync("bounce.example.org");
        await page.GetByTestId("dialog-set").ClickAsync();

        var window = page.GetByTestId("records-window");
        await Expect(window.GetByTestId("manual-steps")).ToBeVisibleAsync();
        await Expect(window.GetByTestId("publish-route53")).ToHaveCountAsync(0);
        await Expect(window.GetByTestId("zone-snippet")).ToContainTextAsync("bounce.example.org.");
        await page.ScreenshotAsync(new() { Path = ScreenshotFolder.PathFor("manual-steps") });
    }

    [Fact]
    public async Task SubdomainOfAnotherDomainIsRefusedWithAClearMessage()
    {
        var page = await OpenDomainAsync("spf-conflict.test");
        await OpenSetDialogAsync(page);
        await MailFromInput(page).FillAsync("mail.example.com");

        var dialog = page.GetByTestId("set-mailfrom-dialog");
        await Expect(dialog).ToContainTextAsync("not a subdomain of spf-conflict.test");
        await Expect(page.GetByTestId("dialog-set")).ToBeDisabledAsync();
    }

    // MudBlazor puts the test id on the input element itself.
    private static ILocator MailFromInput(IPage page) => page.Locator("input[data-testid=mailfrom-input]");

    private async Task<IPage> OpenDomainAsync(string domain)
    {
        var page = await console.Browser.SignInAsync(console.App.BaseUrl, TestUsers.Operator, "domains?region=us-east-1");
        await page.GetByTestId("identity-link").GetByText(domain, new() { Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("identity-details")).ToContainTextAsync(domain);
        return page;
    }

    private static async Task OpenSetDialogAsync(IPage page)
    {
        // The MAIL FROM Domain section is expanded by default; its button enables once SES has answered.
        var set = page.GetByTestId("mailfrom-panel").GetByTestId("set-mailfrom");
        await Expect(set).ToBeEnabledAsync();
        await set.ClickAsync();
        await Expect(page.GetByTestId("set-mailfrom-dialog")).ToBeVisibleAsync();
    }
}
