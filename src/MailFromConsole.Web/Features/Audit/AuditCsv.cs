using System.Globalization;
using System.Text;

namespace MailFromConsole.Web.Features.Audit;

/// <summary>
/// CSV (RFC 4180) for spreadsheets. A spreadsheet runs a cell as a formula when it starts with = + - @ (also in their
/// fullwidth or small forms, which some spreadsheets fold), tab or carriage return, also after leading blanks, and an
/// import that splits on ; | or tab sees a new cell after each of them; so an apostrophe goes before every such
/// start, and a hostile identity or record value stays text.
/// </summary>
public static class AuditCsv
{
    public static readonly string[] Header =
        ["Time (UTC)", "User", "Region", "Identity", "Action", "Before", "After", "Route 53 change id", "Result", "Detail"];

    private const string FormulaStarts = "=+-@\uFF1D\uFF0B\uFF0D\uFF20\uFE66\uFE62\uFE63\uFE6B";
    private const string Separators = ",;|\t\r\n";

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
        value = Defused(value);
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return value;
        }
        return new StringBuilder(value.Length + 2).Append('"').Append(value.Replace("\"", "\"\"")).Append('"').ToString();
    }

    /// <summary>The value with an apostrophe before each formula start: at the beginning, or after blanks and separators.</summary>
    public static string Defused(string value)
    {
        StringBuilder? defused = null;
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var cellStart = i == 0 || Separators.Contains(value[i - 1]);
            if (!cellStart)
            {
                continue;
            }
            var j = i;
            while (j < value.Length && IsBlank(value[j]))
            {
                j++;
            }
            var formula = (i == 0 && value[0] is '\t' or '\r') ? 0 : j < value.Length && FormulaStarts.Contains(value[j]) ? j : -1;
            if (formula < 0)
            {
                continue;
            }
            defused ??= new StringBuilder(value.Length + 4);
            defused.Append(value, start, formula - start).Append('\'');
            start = formula;
            i = Math.Max(i, formula);
        }
        return defused is null ? value : defused.Append(value, start, value.Length - start).ToString();
    }

    private static bool IsBlank(char c) => c is not ('\t' or '\r' or '\n') && char.IsWhiteSpace(c);
}
