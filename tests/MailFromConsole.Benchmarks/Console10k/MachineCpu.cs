using System.Globalization;

namespace MailFromConsole.Benchmarks.Console10k;

/// <summary>All cores' time so far, busy and total (/proc/stat): how loaded the machine was while tabs and console shared it.</summary>
internal readonly record struct MachineCpu(long BusyTicks, long TotalTicks)
{
    public static MachineCpu Read()
    {
        // "cpu  user nice system idle iowait irq softirq steal ...": idle and iowait are the cores' waiting time.
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Take(8).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var total = fields.Sum();
        return new MachineCpu(total - fields[3] - fields[4], total);
    }

    /// <summary>The share of the cores that was busy between <paramref name="before"/> and this reading.</summary>
    public double BusySince(MachineCpu before) => (double)(BusyTicks - before.BusyTicks) / Math.Max(1, TotalTicks - before.TotalTicks);
}
