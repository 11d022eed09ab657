using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MailFromConsole.EndToEnd;

/// <summary>#16 item 2 in Chromium: an open page loses its user's rights as soon as the sign-in ends elsewhere.</summary>
[Collection(ConsoleCollection.Name)]
public sealed partial class RightsEndAtOnceTests(ConsoleFixture console)
{
    [Fact]
    public async Task SigningOutInAnotherTabSignsTheOpenPageOutWithinTwoSeconds()
    {
        var open = await console.Browser.SignInAsync(console.App.BaseUrl, TestUsers.Operator, "domains?identity=example.com&region=us-east-1");
        await Expect(open.GetByTestId("mailfrom-section")).ToBeVisibleAsync();

        // Another tab of the same browser (same cookie) signs out.
        var other = await open.Context.NewPageAsync();
        await other.GotoAsync(new Uri(console.App.BaseUrl, "account/logout").ToString());
        await other.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(other).ToHaveURLAsync(SignInPage());
        var signedOut = Stopwatch.StartNew();

        // The open page's circuit is signed out and leaves for the sign-in form: its identities are no longer shown.
        await Expect(open).ToHaveURLAsync(SignInPage(), new() { Timeout = 2_000 });
        Assert.True(signedOut.Elapsed < TimeSpan.FromSeconds(2), $"The open page followed only after {signedOut.Elapsed}.");
        await Expect(open.GetByTestId("mailfrom-section")).ToHaveCountAsync(0);
    }

    [GeneratedRegex("/account/login")]
    private static partial Regex SignInPage();
}
