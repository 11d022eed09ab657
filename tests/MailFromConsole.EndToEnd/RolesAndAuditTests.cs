using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MailFromConsole.EndToEnd;

[Collection(ConsoleCollection.Name)]
public sealed class RolesAndAuditTests(ConsoleFixture console)
{
    [Fact]
    public async Task ViewerSeesTheMailFromSetupButCannotChangeIt()
    {
        var page = await console.Browser.SignInAsync(console.App.BaseUrl, TestUsers.Viewer, "domains?identity=example.com&region=us-east-1");

        var section = page.GetByTestId("mailfrom-section");
        await Expect(section.GetByTestId("mailfrom-domain")).ToBeVisibleAsync();
        await Expect(section.GetByTestId("set-mailfrom")).ToBeDisabledAsync();
        await Expect(section.GetByTestId("role-note").First).ToContainTextAsync("Viewer");
    }

    [Fact]
    public async Task EveryMailFromChangeIsInTheAuditLogWithWhoAndBeforeAndAfter()
    {
        var page = await console.Browser.SignInAsync(console.App.BaseUrl, TestUsers.Operator, "domains?identity=two-mx.test&region=us-east-1");
        var set = page.GetByTestId("mailfrom-panel").GetByTestId("set-mailfrom");
        await Expect(set).ToBeEnabledAsync();
        await set.ClickAsync();
        await page.Locator("input[data-testid=mailfrom-input]").FillAsync("bounce.two-mx.test");
        await Expect(page.GetByTestId("dialog-set")).ToBeEnabledAsync();
        await page.GetByTestId("dialog-set").ClickAsync();
        await Expect(page.GetByTestId("records-window")).ToBeVisibleAsync();

        // A Viewer reads the audit log: the change, who made it, and before → after.
        var viewer = await console.Browser.SignInAsync(console.App.BaseUrl, TestUsers.Viewer, "audit");
        var row = viewer.Locator("tr").Filter(new() { HasText = "two-mx.test" }).Filter(new() { HasText = "SetMailFromDomain" });
        await Expect(row.First).ToBeVisibleAsync();
        await Expect(row.First).ToContainTextAsync(TestUsers.Operator.Name);
        await Expect(row.First).ToContainTextAsync("bounce.two-mx.test");
        await Expect(row.First).ToContainTextAsync("Success");
        await viewer.ScreenshotAsync(new() { Path = ScreenshotFolder.PathFor("audit-log") });
    }
}
