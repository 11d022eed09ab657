using System.Globalization;
using System.Text;

namespace MailFromConsole.Web.Features.Audit;

/// <summary>
/// CSV (RFC 4180) for spreadsheets: a cell that a spreadsheet would run as a formula (starting with = + - @, tab or
/// carriage return) is prefixed with an apostrophe, so a hostile identity or record value stays text.
/// </summary>
public static class AuditCsv
{
    public static readonly string[] Header =
        ["Time (UTC)", "User", "Region", "Identity", "Action", "Before", "After", "Route 53 change id", "Result", "Detail"];

    public static string Row(AuditEntry entry) => Line(
    [
        entry.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        entry.User, entry.Region, entry.Identity, entry.Action, entry.Before, entry.After, entry.ChangeId, entry.Result, entry.Detail,
    ]);

    public static string Line(IEnumerable<string?> cells) => string.Join(',', cells.Select(Cell)) + "\r\n";

    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return value;
        }
        return new StringBuilder(value.Length + 2).Append('"').Append(value.Replace("\"", "\"\"")).Append('"').ToString();
    }
}
