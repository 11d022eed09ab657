using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MailFromConsole.EndToEnd;

/// <summary>
/// The SES guide's procedure for an email address with the keyboard alone (Tab, Enter, arrow keys, typing): every
/// control is reached with Tab, shows where the focus is, and works from the keyboard.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class KeyboardProcedureTests(ConsoleFixture console)
{
    private const string Identity = "user@example.com";

    [Fact]
    public async Task TheMailFromProcedureCanBeWalkedWithTheKeyboardAlone()
    {
        var page = await console.Browser.SignInAsync(console.App.BaseUrl, TestUsers.Operator, "email-addresses?region=us-east-1");
        await Axe.AddToAsync(page.Context);
        await page.ReloadAsync(); // axe comes with each new document
        await Browser.WaitForCircuitAsync(page);
        var mailFrom = $"kb{Guid.NewGuid():N}"[..10] + ".example.com";

        // Choose the email address, then Set MAIL FROM Domain in its details pane.
        await TabToAsync(page, page.GetByTestId("identity-link").GetByText(Identity, new() { Exact = true }));
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("identity-details")).ToContainTextAsync(Identity);
        var set = page.GetByTestId("mailfrom-panel").GetByTestId("set-mailfrom");
        await Expect(set).ToBeEnabledAsync();
        await TabToAsync(page, set);
        await page.Keyboard.PressAsync("Enter");

        // The Set MAIL FROM Domain dialog: type the name, choose Reject message (one Tab stop, then an arrow key), save.
        var dialog = page.GetByTestId("set-mailfrom-dialog");
        await Expect(dialog).ToBeVisibleAsync();
        await TabToAsync(page, page.Locator("input[data-testid=mailfrom-input]"), ring: false);
        await page.Keyboard.TypeAsync(mailFrom);
        await Expect(dialog.GetByTestId("mailfrom-normalized")).ToHaveTextAsync($"Will be set as {mailFrom}");
        var useDefault = dialog.GetByRole(AriaRole.Radio, new() { Name = "Use us-east-1.amazonses.com as MAIL FROM" });
        var reject = dialog.GetByRole(AriaRole.Radio, new() { Name = "Reject message" });
        await TabToAsync(page, useDefault);
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(reject).ToBeCheckedAsync();
        await Expect(reject).ToBeFocusedAsync();
        await Expect(useDefault).Not.ToBeCheckedAsync();
        await Expect(dialog.Locator(".mud-radio:has(.mud-checked)")).ToContainTextAsync("Reject message");
        // The dialog's actions sit outside its content element.
        await TabToAsync(page, page.GetByTestId("dialog-set"));
        await page.Keyboard.PressAsync("Enter");

        // The records window: the flash bar says what was done; Publish Records Using Route 53 from the keyboard.
        var window = page.GetByTestId("records-window");
        await Expect(window.GetByTestId("record-row")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("flash-text")).ToContainTextAsync($"MAIL FROM domain {mailFrom} set for {Identity}");
        var publish = window.GetByTestId("publish-route53");
        await Expect(window.GetByTestId("preview-table")).ToBeVisibleAsync();
        await Expect(publish).ToBeEnabledAsync();
        Assert.Empty(await Axe.SeriousViolationsAsync(page));
        await TabToAsync(page, publish);
        await page.Keyboard.PressAsync("Enter");
        await Expect(window.GetByTestId("change-status")).ToHaveTextAsync("INSYNC", new() { Timeout = 30_000 });
        await Expect(page.GetByTestId("flash-text")).ToContainTextAsync($"Published the records for {mailFrom} using Route 53");

        // Each copy button from the keyboard; their confirmations never cover the window's Close button.
        var copies = await window.GetByTestId("copy-button").AllAsync();
        Assert.NotEmpty(copies);
        foreach (var copy in copies)
        {
            await TabToAsync(page, copy);
            await page.Keyboard.PressAsync("Enter");
        }
        var close = page.GetByTestId("records-close");
        await TabToAsync(page, close);
        Assert.True(await close.EvaluateAsync<bool>("""
            el => { const r = el.getBoundingClientRect(); const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2); return el.contains(top); }
            """), "a copy confirmation covers the records window's Close button");
        await page.Keyboard.PressAsync("Enter");
        await Expect(window).ToHaveCountAsync(0);

        // What the user sees: the setting with its behaviour, and SES finding the published MX.
        var section = page.GetByTestId("mailfrom-section");
        await Expect(section.GetByTestId("mailfrom-domain")).ToHaveTextAsync(mailFrom);
        await Expect(section.GetByTestId("mailfrom-behavior")).ToContainTextAsync("Reject message");
        await Expect(section.GetByTestId("mailfrom-status")).ToHaveTextAsync("Success", new() { Timeout = 45_000 });

        // Disable, from the keyboard too: the shared console's demo address is as it was.
        await TabToAsync(page, section.GetByTestId("disable-mailfrom"));
        await page.Keyboard.PressAsync("Enter");
        await Expect(section.GetByTestId("mailfrom-domain")).ToHaveTextAsync("Not set");
        await Expect(page.GetByTestId("flash-text")).ToContainTextAsync($"The custom MAIL FROM domain of {Identity} is disabled.");
    }

    /// <summary>
    /// Presses Tab until <paramref name="target"/> (or something inside it) has the focus, and checks that the focus
    /// shows: a ring around the control (text fields show theirs with their own border, <paramref name="ring"/> false).
    /// </summary>
    private static async Task TabToAsync(IPage page, ILocator target, bool ring = true, int maxPresses = 80)
    {
        await target.WaitForAsync();
        for (var i = 0; i < maxPresses; i++)
        {
            if (await target.EvaluateAsync<bool>("el => el === document.activeElement || el.contains(document.activeElement)"))
            {
                if (ring) Assert.True(await FocusRingShowsAsync(page), $"the focus on {await FocusedAsync(page)} does not show");
                return;
            }
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"Tab did not reach {target} in {maxPresses} presses; the focus is on {await FocusedAsync(page)}");
    }

    // A radio's native input is transparent: its ring is on the round button around it.
    private static Task<bool> FocusRingShowsAsync(IPage page) => page.EvaluateAsync<bool>("""
        () => {
          const focused = document.activeElement;
          const shown = focused.matches('input[type=radio], input[type=checkbox]') ? focused.closest('.mud-button-root') : focused;
          const style = getComputedStyle(shown);
          return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
        }
        """);

    private static Task<string> FocusedAsync(IPage page) =>
        page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing'");
}
