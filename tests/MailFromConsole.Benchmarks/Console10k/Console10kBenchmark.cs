using System.Diagnostics;
using System.Globalization;
using MailFromConsole.EndToEnd;

namespace MailFromConsole.Benchmarks.Console10k;

/// <summary>
/// The console on the local backend with 10,000 verified domains, driven by headless Chromium, against issue #13's
/// targets: first rows on a first-ever start (nothing saved), another tab, memory per idle circuit, an outside
/// change reaching an open details pane, 8 and 50 users changing pages at once (and the SES requests meanwhile), and
/// the first page after a restart with the saved view. A light page's time (home, circuit ready) is measured in the
/// same run as the yardstick: on a loaded machine the ratios to it say more than the seconds.
/// </summary>
internal sealed class Console10kBenchmark : IBenchmark
{
    private const string Region = "us-east-1";
    private const string DomainsPath = "domains?region=" + Region;
    private static readonly TimeSpan FirstStartGoal = TimeSpan.FromSeconds(2.5);
    private static readonly TimeSpan PageGoal = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PaneGoal = TimeSpan.FromSeconds(2);
    private const double MemoryGoalMib = 5;

    public string Name => "console-10k";

    public string Description => "issue #13's account view targets at 10k identities (options: --identities 10000 --warm-tabs 3 --idle-tabs 10 --users 8,50 --user-seconds 60 --console-log FILE)";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var identityCount = IntOption(args, "--identities", 10_000);
        var warmTabs = IntOption(args, "--warm-tabs", 3);
        var idleTabs = IntOption(args, "--idle-tabs", 10);
        var userCounts = (StringOption(args, "--users") ?? "8,50").Split(',').Select(u => int.Parse(u, CultureInfo.InvariantCulture)).ToList();
        var userTime = TimeSpan.FromSeconds(IntOption(args, "--user-seconds", 60));
        var consoleLog = StringOption(args, "--console-log");

        var stopwatch = Stopwatch.StartNew();
        Say($"load average at start: {LoadAverage()}");
        using var seed = await BulkIdentitySeed.CreateAsync(Region, identityCount, cancellationToken);
        Say($"seeded {identityCount} verified domains in {Region} in {stopwatch.Elapsed.TotalSeconds:F1} s");

        var settings = new Dictionary<string, string>(LivePaneChange.LogViewLearning) { ["LocalAws:DataFolder"] = seed.DataFolder };
        settings.Add(ConcurrentUsers.LogSesRequests.Key, ConcurrentUsers.LogSesRequests.Value);
        // With a log file, the console also logs each AWS request it sends, to see where the time goes.
        if (consoleLog is not null) settings["Logging:LogLevel:System.Net.Http.HttpClient"] = "Information";
        var console = await ConsoleApp.StartAsync(settings);
        var process = ConsoleProcess.FindByArgument($"--LocalAws:DataFolder={seed.DataFolder}");
        Say($"console pid {process.Id} at {console.BaseUrl} ({stopwatch.Elapsed.TotalSeconds:F1} s)");
        var browser = await ConsoleBrowser.StartAsync(console.BaseUrl);
        try
        {
            await browser.SignInAsync(TestUsers.Viewer);

            var firstStart = await browser.OpenListAsync(DomainsPath, TimeSpan.FromSeconds(60));
            Say($"first start: first {firstStart.Rows} rows after {firstStart.Elapsed.TotalSeconds:F2} s, progress bar then: {firstStart.Progress ?? "(none: the round was complete)"}");

            var warm = new List<TimeSpan>();
            for (var i = 0; i < warmTabs; i++)
            {
                await Task.Delay(TimeSpan.FromSeconds(1.2), cancellationToken);
                var rows = await browser.OpenListAsync(DomainsPath, TimeSpan.FromSeconds(30));
                warm.Add(rows.Elapsed);
                Say($"another tab {i + 1}: first {rows.Rows} rows after {rows.Elapsed.TotalSeconds:F2} s");
            }
            var warmMedian = Median(warm);

            var yardsticks = new List<TimeSpan>();
            for (var i = 0; i < 3; i++) yardsticks.Add(await browser.OpenHomeAsync());
            var yardstick = Median(yardsticks);
            Say($"yardstick: home page circuit ready after {string.Join(", ", yardsticks.Select(y => y.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture)))} s");
            await browser.CloseTabsAsync();

            // The users compare SES requests per minute: the first round must be over (else its reads would count).
            await browser.WaitForRoundCompleteAsync(DomainsPath, TimeSpan.FromMinutes(4));
            Say($"first round complete at {stopwatch.Elapsed.TotalSeconds:F0} s");

            // Memory once the first round is over: while it runs, the shared view itself grows (10,000 identities' attributes).
            var before = await process.SettleAndReadAsync(cancellationToken);
            for (var i = 0; i < idleTabs; i++)
            {
                await Task.Delay(TimeSpan.FromSeconds(1.2), cancellationToken);
                await browser.OpenListAsync(DomainsPath, TimeSpan.FromSeconds(30));
            }
            var unsettled = process.ReadRss();
            var after = await process.SettleAndReadAsync(cancellationToken);
            var perCircuitMib = (after.RssKib - before.RssKib) / 1024.0 / idleTabs;
            var perCircuitAnonMib = (after.RssAnonKib - before.RssAnonKib) / 1024.0 / idleTabs;
            var perCircuitHeapMib = (after.GcHeapBytes - before.GcHeapBytes) / 1024.0 / 1024.0 / idleTabs;
            Say($"server memory after induced full GCs, before → after {idleTabs} more idle Domains tabs: "
                + $"VmRSS {before.RssKib / 1024.0:F1} → {after.RssKib / 1024.0:F1} MiB (before the GCs {unsettled.RssKib / 1024.0:F1}), "
                + $"RssAnon {before.RssAnonKib / 1024.0:F1} → {after.RssAnonKib / 1024.0:F1} MiB, "
                + $"GC heap {before.GcHeapBytes / 1048576.0:F1} → {after.GcHeapBytes / 1048576.0:F1} MiB");
            await browser.CloseTabsAsync();

            var live = await LivePaneChange.RunAsync(browser, console, Region, "bulk00042.test", cancellationToken);
            Say($"outside change: the view learned it after {live.ViewLearned.TotalSeconds:F2} s, the open pane showed it {live.PaneAfterView.TotalSeconds:F2} s later");

            var usersResults = new List<UsersResult>();
            foreach (var users in userCounts)
            {
                var result = await ConcurrentUsers.RunAsync(browser, console, process, DomainsPath, users, userTime, TimeSpan.FromSeconds(1), cancellationToken);
                usersResults.Add(result);
                Say($"{users} users for {result.Elapsed.TotalSeconds:F0} s: {result.Changes} page changes, median {result.Median.TotalSeconds:F2} s, p95 {result.P95.TotalSeconds:F2} s, slowest {result.Slowest.TotalSeconds:F2} s (rows in the document: median {result.InDocumentMedian.TotalSeconds:F2} s, p95 {result.InDocumentP95.TotalSeconds:F2} s); SES requests meanwhile {result.SesCalls}; CPU per page change: console {result.ConsoleCpuPerChange.TotalMilliseconds:F0} ms, Chromium {result.ChromiumCpuPerChange.TotalMilliseconds:F0} ms, of it the tabs' main threads: {result.RenderersPerChange}; cores busy {result.MachineBusy:P0}; before the clicks, all windows idle: console {result.IdleConsoleCpuPerSecond.TotalMilliseconds:F0} ms and Chromium {result.IdleChromiumCpuPerSecond.TotalMilliseconds:F0} ms of CPU a second");
            }

            await browser.DisposeAsync();
            console = await console.RestartAsync(settings);
            Say($"restarted the console on the saved view ({stopwatch.Elapsed.TotalSeconds:F0} s)");
            browser = await ConsoleBrowser.StartAsync(console.BaseUrl);
            await browser.SignInAsync(TestUsers.Viewer);
            var restart = await browser.OpenListAsync(DomainsPath, TimeSpan.FromSeconds(60));
            Say($"after the restart: first {restart.Rows} rows after {restart.Elapsed.TotalSeconds:F2} s, progress bar then: {restart.Progress ?? "(none: the saved view is complete)"}");
            var restartYardstick = await browser.OpenHomeAsync();

            var lines = new List<string>
            {
                $"console-10k: {identityCount} identities, total {stopwatch.Elapsed.TotalSeconds:F0} s, load average now {LoadAverage()}",
                $"  yardstick: home page ready {yardstick.TotalSeconds:F2} s (median of 3; after the restart {restartYardstick.TotalSeconds:F2} s); '× yardstick' = measure / yardstick",
                Line("first start, first rows", firstStart.Elapsed, FirstStartGoal, yardstick),
                Line($"another tab (median of {warmTabs})", warmMedian, PageGoal, yardstick),
                Line("after restart, first page", restart.Elapsed, PageGoal, restartYardstick),
                Line("outside change → open pane", live.PaneAfterView, PaneGoal, yardstick),
            };
            foreach (var result in usersResults)
                lines.Add(Line($"{result.Users} users, p95 page change", result.P95, PageGoal, yardstick) + $"   SES requests in {result.Elapsed.TotalSeconds:F0} s: {result.SesCalls}, CPU per change: console {result.ConsoleCpuPerChange.TotalMilliseconds:F0} ms, Chromium {result.ChromiumCpuPerChange.TotalMilliseconds:F0} ms");
            var memoryRatio = perCircuitMib / MemoryGoalMib;
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"  {"memory / idle circuit",-30} {perCircuitMib,7:F2} MiB goal ≤ {MemoryGoalMib:F0} MiB  ratio {memoryRatio:F2}   (VmRSS; RssAnon {perCircuitAnonMib:F2}, GC heap {perCircuitHeapMib:F2} MiB)"));
            Say(string.Join('\n', lines));
            if (consoleLog is not null) await File.WriteAllTextAsync(consoleLog, console.Output, cancellationToken);

            var ratios = new[] { firstStart.Elapsed / FirstStartGoal, warmMedian / PageGoal, restart.Elapsed / PageGoal, live.PaneAfterView / PaneGoal, memoryRatio }
                .Concat(usersResults.Select(r => r.P95 / PageGoal));
            return ratios.All(r => r <= 1) ? 0 : 1;
        }
        catch (Exception)
        {
            Console.Error.WriteLine("console output:\n" + console.Output);
            throw;
        }
        finally
        {
            await browser.DisposeAsync();
            await console.DisposeAsync();
        }
    }

    private static string Line(string what, TimeSpan measured, TimeSpan goal, TimeSpan yardstick) => string.Create(CultureInfo.InvariantCulture,
        $"  {what,-30} {measured.TotalSeconds,7:F2} s   goal ≤ {goal.TotalSeconds:0.#} s  ratio {measured / goal:F2}   × yardstick {measured / yardstick:F2}");

    private static TimeSpan Median(List<TimeSpan> values) => values.Order().ElementAt(values.Count / 2);

    private static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static void Say(string text) => Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{text}"));

    private static string? StringOption(IReadOnlyList<string> args, string name)
    {
        var index = args.ToList().IndexOf(name);
        return index >= 0 && index + 1 < args.Count ? args[index + 1] : null;
    }

    private static int IntOption(IReadOnlyList<string> args, string name, int fallback)
    {
        var index = args.ToList().IndexOf(name);
        return index >= 0 && index + 1 < args.Count ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
