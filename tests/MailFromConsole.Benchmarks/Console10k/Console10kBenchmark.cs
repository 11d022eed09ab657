using System.Diagnostics;
using System.Globalization;
using MailFromConsole.EndToEnd;

namespace MailFromConsole.Benchmarks.Console10k;

/// <summary>
/// The console on the local backend with 10,000 verified domains, driven by headless Chromium: how long until the
/// Domains list shows its first page of rows (cold: the first list load, paced by SES's ListIdentities pages of
/// 1,000 at 1 request/second; warm: another tab once the list is cached), and how much server memory each idle
/// circuit (an open Domains tab) holds.
/// </summary>
internal sealed class Console10kBenchmark : IBenchmark
{
    private const string Region = "us-east-1";
    private const string DomainsPath = "domains?region=" + Region;
    private static readonly TimeSpan WarmGoal = TimeSpan.FromSeconds(1);
    private const double MemoryGoalMib = 5;

    public string Name => "console-10k";

    public string Description => "Chromium first rows + memory per idle circuit, 10k identities (options: --identities 10000 --warm-tabs 3 --idle-tabs 10 --console-log FILE)";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var identityCount = IntOption(args, "--identities", 10_000);
        var warmTabs = IntOption(args, "--warm-tabs", 3);
        var idleTabs = IntOption(args, "--idle-tabs", 10);
        var consoleLog = StringOption(args, "--console-log");
        // SES floor of the cold load: ListIdentities pages of 1,000 at 1 request/second, plus 2 s for the page's
        // own calls (verification attributes, MAIL FROM attributes of the visible rows) and the circuit start.
        var coldGoal = TimeSpan.FromSeconds(Math.Ceiling(identityCount / 1000.0) + 2);

        var stopwatch = Stopwatch.StartNew();
        using var seed = await BulkIdentitySeed.CreateAsync(Region, identityCount, cancellationToken);
        Say($"seeded {identityCount} verified domains in {Region} in {stopwatch.Elapsed.TotalSeconds:F1} s");

        var settings = new Dictionary<string, string> { ["LocalAws:DataFolder"] = seed.DataFolder };
        // With a log file, the console also logs each AWS request it sends, to see where the cold load's time goes.
        if (consoleLog is not null) settings["Logging:LogLevel:System.Net.Http.HttpClient"] = "Information";
        await using var console = await ConsoleApp.StartAsync(settings);
        var process = ConsoleProcess.FindByArgument($"--LocalAws:DataFolder={seed.DataFolder}");
        Say($"console pid {process.Id} at {console.BaseUrl} ({stopwatch.Elapsed.TotalSeconds:F1} s)");
        try
        {
            await using var browser = await ConsoleBrowser.StartAsync(console.BaseUrl);
            await browser.SignInAsync(TestUsers.Viewer);

            var cold = await browser.OpenListAsync(DomainsPath, coldGoal * 4);
            Say($"cold: first {cold.Rows} rows after {cold.Elapsed.TotalSeconds:F2} s");

            var warm = new List<TimeSpan>();
            for (var i = 0; i < warmTabs; i++)
            {
                // One tab at a time, a little over SES's second apart: this measures a user opening a tab, not
                // several tabs queueing behind the shared 1 request/second limit.
                await Task.Delay(TimeSpan.FromSeconds(1.2), cancellationToken);
                var rows = await browser.OpenListAsync(DomainsPath, TimeSpan.FromSeconds(30));
                warm.Add(rows.Elapsed);
                Say($"warm tab {i + 1}: first {rows.Rows} rows after {rows.Elapsed.TotalSeconds:F2} s");
            }
            var warmMedian = warm.Order().ElementAt(warm.Count / 2);

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

            var coldRatio = cold.Elapsed / coldGoal;
            var warmRatio = warmMedian / WarmGoal;
            var memoryRatio = perCircuitMib / MemoryGoalMib;
            Say($"""
                console-10k: {identityCount} identities, total {stopwatch.Elapsed.TotalSeconds:F0} s
                  cold first page   {cold.Elapsed.TotalSeconds,7:F2} s    goal ≤ {coldGoal.TotalSeconds:F0} s (SES list floor + 2 s)   ratio {coldRatio:F2}
                  warm first page   {warmMedian.TotalSeconds,7:F2} s    goal ≤ {WarmGoal.TotalSeconds:F0} s (median of {warmTabs} tabs)     ratio {warmRatio:F2}
                  memory / circuit  {perCircuitMib,7:F2} MiB  goal ≤ {MemoryGoalMib:F0} MiB (VmRSS; RssAnon {perCircuitAnonMib:F2}, GC heap {perCircuitHeapMib:F2} MiB)   ratio {memoryRatio:F2}
                """);
            if (consoleLog is not null) await File.WriteAllTextAsync(consoleLog, console.Output, cancellationToken);
            return coldRatio <= 1 && warmRatio <= 1 && memoryRatio <= 1 ? 0 : 1;
        }
        catch (Exception)
        {
            Console.Error.WriteLine("console output:\n" + console.Output);
            throw;
        }
    }

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
