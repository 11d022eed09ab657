using System.Text;
using MailFromConsole.Core.Records;

namespace MailFromConsole.Web.Features.Assistant.ManualDns;

/// <summary>The records for by-hand publishing: the SES console's .csv record set and providers' form fields.</summary>
public static class RecordSetExport
{
    public const string CsvHeader = "Name,Type,Priority,Value";

    /// <summary>MX values split into priority and host, as most providers' forms (and the CSV) want them.</summary>
    public static IReadOnlyList<ManualRecord> ForForms(IReadOnlyList<RequiredRecord> records, string zoneApex) =>
        records.Select(r =>
        {
            var host = HostField(r.Name, zoneApex);
            if (r.Type.Equals("MX", StringComparison.OrdinalIgnoreCase))
            {
                var parts = r.Value.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 2 && int.TryParse(parts[0], out var priority)) return new ManualRecord(r.Name, host, "MX", priority, parts[1]);
            }
            return new ManualRecord(r.Name, host, r.Type.ToUpperInvariant(), null, r.Value, r.Replaces);
        }).ToList();

    /// <summary>
    /// "Name,Type,Priority,Value" (RFC 4180: CRLF lines, fields quoted when needed). Values are plain: no DNS quoting
    /// of the TXT value (providers differ on it; the instructions say which wants what).
    /// </summary>
    public static string Csv(IReadOnlyList<RequiredRecord> records)
    {
        var csv = new StringBuilder(CsvHeader).Append("\r\n");
        foreach (var record in ForForms(records, ""))
        {
            csv.Append(Field(record.Name)).Append(',')
                .Append(Field(record.Type)).Append(',')
                .Append(record.Priority?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "").Append(',')
                .Append(Field(record.Value)).Append("\r\n");
        }
        return csv.ToString();
    }

    /// <summary>A data: URL of the CSV for a plain download link (no script needed).</summary>
    public static string CsvDataUrl(IReadOnlyList<RequiredRecord> records) =>
        "data:text/csv;charset=utf-8," + Uri.EscapeDataString(Csv(records));

    public static string CsvFileName(string mailFromDomain) => $"{mailFromDomain.TrimEnd('.')}-mail-from-records.csv";

    /// <summary>
    /// What goes in a provider's host field: the name without the zone (<c>mail</c> for <c>mail.example.com</c> in
    /// the zone <c>example.com</c>), <c>@</c> for the zone apex, the full name when it is not in the zone.
    /// </summary>
    public static string HostField(string name, string zoneApex)
    {
        var full = name.TrimEnd('.').ToLowerInvariant();
        var zone = zoneApex.TrimEnd('.').ToLowerInvariant();
        if (zone.Length == 0) return full;
        if (full == zone) return "@";
        return full.EndsWith("." + zone, StringComparison.Ordinal) ? full[..^(zone.Length + 1)] : full;
    }

    // RFC 4180 quoting, and a leading quote mark against spreadsheet formula injection (=, +, -, @).
    private static string Field(string value)
    {
        var safe = value.Length > 0 && "=+-@".Contains(value[0]) ? "'" + value : value;
        return safe.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}
