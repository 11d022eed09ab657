using System.Diagnostics;
using MailFromConsole.EndToEnd;

namespace MailFromConsole.Benchmarks.Console10k;

/// <summary>
/// N signed-in users, each a Domains tab of its own circuit, going to the next page of the list over and over for a
/// while (a short pause between clicks, as a reader would): how long each page change took, and how many requests the
/// console sent to SES meanwhile (counted in its log), which must not grow with the number of users.
/// </summary>
internal static class ConcurrentUsers
{
    // The console logs this line once per request its SES client sends (System.Net.Http.HttpClient.ISesClient.ClientHandler at Information).
    private const string SesRequestLine = "ISesClient.ClientHandler[100]";

    /// <summary>The console settings that make it log each SES request it sends.</summary>
    public static KeyValuePair<string, string> LogSesRequests => new("Logging:LogLevel:System.Net.Http.HttpClient.ISesClient.ClientHandler", "Information");

    public static async Task<UsersResult> RunAsync(ConsoleBrowser browser, ConsoleApp console, ConsoleProcess process, string path, int users, TimeSpan duration, TimeSpan pause, CancellationToken cancellationToken)
    {
        // Tabs open one after the other (at once, 10 of them took over 30 s on the loaded machine): opening is not measured.
        var tabs = new List<Microsoft.Playwright.IPage>();
        for (var i = 0; i < users; i++) tabs.Add(await browser.OpenListTabAsync(path));

        var sesBefore = CountSesRequests(console.Output);
        var cpuBefore = process.ReadCpuTime();
        var clock = Stopwatch.StartNew();
        var changes = await Task.WhenAll(tabs.Select(async tab =>
        {
            var times = new List<TimeSpan>();
            while (clock.Elapsed < duration)
            {
                times.Add(await ConsoleBrowser.NextPageAsync(tab));
                await Task.Delay(pause, cancellationToken);
            }
            return times;
        }));
        var elapsed = clock.Elapsed;
        var sesCalls = CountSesRequests(console.Output) - sesBefore;
        var consoleCpu = process.ReadCpuTime() - cpuBefore;
        await browser.CloseTabsAsync();

        var all = changes.SelectMany(t => t).Order().ToList();
        return new UsersResult(users, elapsed, all.Count, Percentile(all, 0.5), Percentile(all, 0.95), all[^1], sesCalls, consoleCpu / all.Count);
    }

    private static int CountSesRequests(string output)
    {
        var count = 0;
        for (var at = output.IndexOf(SesRequestLine, StringComparison.Ordinal); at >= 0; at = output.IndexOf(SesRequestLine, at + 1, StringComparison.Ordinal))
            count++;
        return count;
    }

    private static TimeSpan Percentile(List<TimeSpan> sorted, double fraction) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(fraction * sorted.Count) - 1)];
}

/// <summary>
/// One run of <see cref="ConcurrentUsers"/>: page changes made, their median, p95 and slowest, the SES requests sent
/// meanwhile, and the console's CPU time per page change (the browser's tabs share the cores; this part is the server's).
/// </summary>
internal sealed record UsersResult(int Users, TimeSpan Elapsed, int Changes, TimeSpan Median, TimeSpan P95, TimeSpan Slowest, int SesCalls, TimeSpan ConsoleCpuPerChange);
