using System.Diagnostics.Tracing;
using System.Globalization;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace MailFromConsole.Benchmarks.Console10k;

/// <summary>The running console's OS process: found by its unique data-folder argument, measured through /proc.</summary>
internal sealed class ConsoleProcess(int id)
{
    // GC (0x1) | GCHeapCollect (0x800000): enabling the runtime provider with GCHeapCollect induces a full blocking
    // GC, as dotnet-gcdump does, so the memory read afterwards is not inflated by garbage the GC has not yet reclaimed.
    private const long InduceGcKeywords = 0x1 | 0x800000;

    public int Id { get; } = id;

    /// <summary>The process whose command line carries <paramref name="argument"/> (ConsoleApp does not expose its process).</summary>
    public static ConsoleProcess FindByArgument(string argument)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            string[] arguments;
            try
            {
                arguments = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0');
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue; // the process ended while we looked, or is not ours to read
            }
            if (arguments.Contains(argument, StringComparer.Ordinal)) return new ConsoleProcess(pid);
        }
        throw new InvalidOperationException($"No process has the argument {argument}.");
    }

    /// <summary>VmRSS and RssAnon (the private, non-file part) in KiB, from /proc/&lt;pid&gt;/status.</summary>
    public (long RssKib, long RssAnonKib) ReadRss()
    {
        var fields = File.ReadAllLines($"/proc/{Id}/status")
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => parts[1].Trim());
        return (Kib(fields["VmRSS"]), Kib(fields["RssAnon"]));
    }

    /// <summary>The CPU time (user + system) the process has used so far, from /proc/&lt;pid&gt;/stat.</summary>
    public TimeSpan ReadCpuTime() => CpuTimeOf(Id) ?? throw new InvalidOperationException($"The console (pid {Id}) has ended.");

    /// <summary>The CPU time all of Chromium's processes (browser, renderers, utilities) have used so far: the tabs' share of the cores.</summary>
    public static TimeSpan ReadChromiumCpuTime()
    {
        var total = TimeSpan.Zero;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            string command;
            try
            {
                command = File.ReadAllText(Path.Combine(dir, "comm")).Trim();
            }
            catch (IOException)
            {
                continue; // the process ended while we looked
            }
            if (command == "chromium") total += CpuTimeOf(pid) ?? TimeSpan.Zero;
        }
        return total;
    }

    private static TimeSpan? CpuTimeOf(int pid)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
        }
        catch (IOException)
        {
            return null;
        }
        // Fields after the command name (in parentheses, which may hold spaces): utime and stime are the 12th and 13th, in clock ticks of 1/100 s.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    /// <summary>Induces two full GCs in the console, lets it go quiet, then reads its memory.</summary>
    public async Task<MemorySample> SettleAndReadAsync(CancellationToken cancellationToken)
    {
        long heapBytes = 0;
        for (var round = 0; round < 2; round++)
        {
            heapBytes = await InduceFullGcAsync(cancellationToken);
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }
        var (rss, anon) = ReadRss();
        return new MemorySample(rss, anon, heapBytes);
    }

    /// <returns>The GC heap size right after the induced full GC (the GCHeapStats event that follows it).</returns>
    private async Task<long> InduceFullGcAsync(CancellationToken cancellationToken)
    {
        var client = new DiagnosticsClient(Id);
        using var session = await client.StartEventPipeSessionAsync(
            [new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, InduceGcKeywords)],
            requestRundown: false, circularBufferMB: 1, cancellationToken);
        using var source = new EventPipeEventSource(session.EventStream);
        var heapAfterGc = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var fullGc = -1;
        source.Clr.GCStart += data =>
        {
            if (fullGc < 0 && data.Depth == 2 && data.Type != GCType.BackgroundGC) fullGc = data.Count;
        };
        source.Clr.GCHeapStats += data =>
        {
            if (fullGc >= 0) heapAfterGc.TrySetResult(data.TotalHeapSize);
        };
        // Process() reads the stream until the session stops; it must run while we wait for the events.
        var reader = Task.Run(source.Process, cancellationToken);
        try
        {
            return await heapAfterGc.Task.WaitAsync(TimeSpan.FromSeconds(15), cancellationToken);
        }
        catch (TimeoutException)
        {
            throw new InvalidOperationException($"No induced full GC was seen in process {Id} within 15 s; its memory would not be settled.");
        }
        finally
        {
            await session.StopAsync(CancellationToken.None);
            await reader;
        }
    }

    private static long Kib(string value) => long.Parse(value.Split(' ')[0], CultureInfo.InvariantCulture);
}
