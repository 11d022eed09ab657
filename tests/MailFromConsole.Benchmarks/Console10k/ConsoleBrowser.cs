using MailFromConsole.EndToEnd;
using Microsoft.Playwright;

namespace MailFromConsole.Benchmarks.Console10k;

/// <summary>
/// Debian's Chromium (headless, the browser tests' flags) with one signed-in context: every tab shares its cookie,
/// and each tab's document records when the first identity rows reach the screen.
/// </summary>
internal sealed class ConsoleBrowser : IAsyncDisposable
{
    private const string Chromium = "/usr/bin/chromium";

    // Runs in every document before the page's own scripts: notes (in ms since navigation start) the first frame
    // after identity rows appear in the table, so the time is the browser's, without the driver's polling delay.
    private const string FirstRowsProbe = """
        (() => {
          const observer = new MutationObserver(() => {
            if (!document.querySelector('tr.identity-row')) return;
            observer.disconnect();
            requestAnimationFrame(() => {
              window.__firstRowsMs = performance.now();
              window.__firstRowsCount = document.querySelectorAll('tr.identity-row').length;
            });
          });
          observer.observe(document, { childList: true, subtree: true });
        })();
        """;

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly IBrowserContext _context;
    private readonly Uri _baseUrl;

    private ConsoleBrowser(IPlaywright playwright, IBrowser browser, IBrowserContext context, Uri baseUrl)
    {
        _playwright = playwright;
        _browser = browser;
        _context = context;
        _baseUrl = baseUrl;
    }

    public static async Task<ConsoleBrowser> StartAsync(Uri baseUrl)
    {
        if (!File.Exists(Chromium))
            throw new InvalidOperationException("Debian's chromium is missing: run tests/install-deps.sh.");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run", "--disable-quic"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        await context.AddInitScriptAsync(FirstRowsProbe);
        return new ConsoleBrowser(playwright, browser, context, baseUrl);
    }

    /// <summary>Signs in through the plain form (as the browser tests do) and waits for the home page's circuit.</summary>
    public async Task SignInAsync(TestUser user)
    {
        var page = await NewTabAsync();
        await page.GotoAsync(new Uri(_baseUrl, "account/login?returnUrl=%2F").ToString());
        await page.GetByLabel("User name").FillAsync(user.Name);
        await page.GetByLabel("Password").FillAsync(user.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.Locator("[data-ready='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    /// <summary>Opens <paramref name="path"/> in a new tab and returns when its first page of rows is on screen.</summary>
    public async Task<FirstRows> OpenListAsync(string path, TimeSpan timeout)
    {
        var page = await NewTabAsync();
        await page.GotoAsync(new Uri(_baseUrl, path).ToString(), new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForFunctionAsync(
            "() => window.__firstRowsMs !== undefined || document.querySelector('[data-testid=list-error]') !== null",
            null, new() { Timeout = (float)timeout.TotalMilliseconds, PollingInterval = 50 });
        var error = page.Locator("[data-testid=list-error]");
        if (await error.CountAsync() > 0)
            throw new InvalidOperationException($"The list showed an error: {await error.InnerTextAsync()}");
        var milliseconds = await page.EvaluateAsync<double>("() => window.__firstRowsMs");
        var rows = await page.EvaluateAsync<int>("() => window.__firstRowsCount");
        return new FirstRows(TimeSpan.FromMilliseconds(milliseconds), rows);
    }

    private async Task<IPage> NewTabAsync()
    {
        var page = await _context.NewPageAsync();
        page.SetDefaultTimeout(30_000);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}

/// <summary>How long after navigation start the first rows were on screen, and how many.</summary>
internal readonly record struct FirstRows(TimeSpan Elapsed, int Rows);
