namespace MailFromConsole.EndToEnd;

public sealed class ShellTests(Browser browser) : IClassFixture<Browser>, IAsyncLifetime
{
    private ConsoleApp _app = null!;

    public async Task InitializeAsync() => _app = await ConsoleApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task ConsoleShellShowsIdentityManagementNavigationAndRegion()
    {
        var page = await Browser.OpenAsync(browser.Instance, _app.BaseUrl);

        await Microsoft.Playwright.Assertions.Expect(page.GetByText("Identity Management")).ToBeVisibleAsync();
        await Microsoft.Playwright.Assertions.Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Email Addresses" })).ToBeVisibleAsync();
        await Microsoft.Playwright.Assertions.Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Domains" })).ToBeVisibleAsync();
        await Microsoft.Playwright.Assertions.Expect(page.GetByText("us-east-1").First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = ScreenshotFolder.PathFor("shell") });
    }
}
