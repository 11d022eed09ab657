using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MailFromConsole.EndToEnd;

[Collection(ConsoleCollection.Name)]
public sealed class ShellTests(ConsoleFixture console)
{
    [Fact]
    public async Task ConsoleShellShowsIdentityManagementNavigationAndRegion()
    {
        var page = await console.Browser.SignInAsync(console.App.BaseUrl, TestUsers.Operator);

        var navigation = page.GetByRole(AriaRole.Navigation, new() { Name = "Identity Management" });
        await Expect(navigation).ToBeVisibleAsync();
        await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Email Addresses" })).ToBeVisibleAsync();
        await Expect(navigation.GetByRole(AriaRole.Link, new() { Name = "Domains" })).ToBeVisibleAsync();
        await Expect(page.GetByText("us-east-1").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = ScreenshotFolder.PathFor("shell") });
    }
}
