using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MailFromConsole.EndToEnd;

[Collection(ConsoleCollection.Name)]
public sealed class SignInTests(ConsoleFixture console)
{
    [Fact]
    public async Task AnonymousVisitorIsSentToTheSignInForm()
    {
        var page = await console.Browser.NewPageAsync(new Uri(console.App.BaseUrl, "domains"));

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Identity Management" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task WrongPasswordIsRefused()
    {
        var page = await console.Browser.NewPageAsync(new Uri(console.App.BaseUrl, "account/login"));
        await page.GetByLabel("User name").FillAsync(TestUsers.Operator.Name);
        await page.GetByLabel("Password").FillAsync("not-the-password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await Expect(page.Locator("[data-ready='true']")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task SignOutEndsTheSession()
    {
        var page = await console.Browser.SignInAsync(console.App.BaseUrl, TestUsers.Operator);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();

        await page.GotoAsync(new Uri(console.App.BaseUrl, "domains").ToString());
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task ViewerIsRefusedTheUsersPage()
    {
        var page = await console.Browser.SignInAsync(console.App.BaseUrl, TestUsers.Viewer);
        await page.GotoAsync(new Uri(console.App.BaseUrl, "users").ToString());

        await Expect(page.GetByText("Not allowed")).ToBeVisibleAsync();
        await Expect(page.GetByText("vera has the Viewer role")).ToBeVisibleAsync();
    }
}
