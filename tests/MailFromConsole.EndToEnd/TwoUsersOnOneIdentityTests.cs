using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MailFromConsole.EndToEnd;

/// <summary>#16 item 4 in Chromium: two users set MAIL FROM on one identity from dialogs opened at the same time.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class TwoUsersOnOneIdentityTests(ConsoleFixture console)
{
    // A seeded identity no other browser test changes; the test disables what it set, so the seeds stay as they were.
    private const string Identity = "user@example.com";

    [Fact]
    public async Task TheSecondSaveIsRefusedWithTheFirstUsersValueAndNothingIsOverwritten()
    {
        var first = await OpenDialogAsync(TestUsers.Operator);
        var second = await OpenDialogAsync(TestUsers.Admin);

        await MailFromInput(first).FillAsync("returns.example.com");
        await first.GetByTestId("dialog-set").ClickAsync();
        await Expect(first.GetByTestId("records-window")).ToBeVisibleAsync();

        // The second dialog was opened on "Not set"; SES holds the first user's value now.
        await MailFromInput(second).FillAsync("bounces.example.com");
        await Expect(second.GetByTestId("dialog-set")).ToBeEnabledAsync();
        await second.GetByTestId("dialog-set").ClickAsync();
        await Expect(second.GetByTestId("set-error")).ToContainTextAsync(
            "changed by someone else since you opened it: now returns.example.com (UseDefaultValue)");
        await second.GetByTestId("dialog-cancel").ClickAsync();
        await Expect(second.GetByTestId("mailfrom-domain")).ToHaveTextAsync("returns.example.com");

        // The audit log: the first "before" is what SES had, the refusal's is the first user's value, and it wrote nothing.
        await first.GetByTestId("records-close").ClickAsync();
        var audit = await first.Context.NewPageAsync();
        await audit.GotoAsync(new Uri(console.App.BaseUrl, "audit").ToString());
        var rows = audit.Locator("tr").Filter(new() { HasText = Identity }).Filter(new() { HasText = "SetMailFromDomain" });
        await Expect(rows).ToHaveCountAsync(2);
        var written = rows.Filter(new() { HasText = TestUsers.Operator.Name });
        await Expect(written).ToContainTextAsync("(not set) → returns.example.com (UseDefaultValue)");
        await Expect(written).ToContainTextAsync("Success");
        var refused = rows.Filter(new() { HasText = TestUsers.Admin.Name });
        await Expect(refused).ToContainTextAsync("returns.example.com (UseDefaultValue) → bounces.example.com (UseDefaultValue)");
        await Expect(refused).ToContainTextAsync("ChangedMeanwhile");

        await first.GetByTestId("disable-mailfrom").ClickAsync();
        await Expect(first.GetByTestId("mailfrom-domain")).ToHaveTextAsync("Not set");
    }

    private async Task<IPage> OpenDialogAsync(TestUser user)
    {
        var page = await console.Browser.SignInAsync(console.App.BaseUrl, user, $"domains?identity={Uri.EscapeDataString(Identity)}&region=us-east-1");
        await Expect(page.GetByTestId("mailfrom-domain")).ToHaveTextAsync("Not set");
        var set = page.GetByTestId("mailfrom-panel").GetByTestId("set-mailfrom");
        await Expect(set).ToBeEnabledAsync();
        await set.ClickAsync();
        await Expect(page.GetByTestId("set-mailfrom-dialog")).ToBeVisibleAsync();
        return page;
    }

    // MudBlazor puts the test id on the input element itself.
    private static ILocator MailFromInput(IPage page) => page.Locator("input[data-testid=mailfrom-input]");
}
