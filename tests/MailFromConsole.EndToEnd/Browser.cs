using Microsoft.Playwright;

namespace MailFromConsole.EndToEnd;

/// <summary>Debian's Chromium driven by Playwright (Playwright's own browser download cannot work here).</summary>
public sealed class Browser : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Instance { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        const string chromium = "/usr/bin/chromium";
        if (!File.Exists(chromium))
        {
            throw new InvalidOperationException("Debian's chromium is missing: run tests/install-deps.sh (tests/run-all.sh does).");
        }
        // A change goes through SES's paced calls (the MAIL FROM reads are one a second, shared with the sweeper), and CI's two
        // cores also run the console and Chromium: 5 s, Playwright's default, is too short for an answer that is only slow.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Instance = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Instance is not null) await Instance.DisposeAsync();
        _playwright?.Dispose();
    }

    /// <summary>A fresh page (own cookies) on the sign-in form.</summary>
    public async Task<IPage> NewPageAsync(Uri url)
    {
        var context = await Instance.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        await page.GotoAsync(url.ToString());
        return page;
    }

    /// <summary>Signs in through the plain form and waits until the console's Blazor circuit is connected (clicks before that are lost).</summary>
    public async Task<IPage> SignInAsync(Uri baseUrl, TestUser user, string path = "")
    {
        var page = await NewPageAsync(new Uri(baseUrl, "account/login?returnUrl=" + Uri.EscapeDataString("/" + path)));
        await page.GetByLabel("User name").FillAsync(user.Name);
        await page.GetByLabel("Password").FillAsync(user.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await WaitForCircuitAsync(page);
        return page;
    }

    public static Task WaitForCircuitAsync(IPage page) =>
        page.Locator("[data-ready='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
}
