using MailFromConsole.Web.Features.Audit;

namespace MailFromConsole.Web.Features.Bulk;

/// <summary>A job's results as CSV, with the audit CSV's guard against spreadsheet formulas in identities and reasons.</summary>
public static class BulkCsv
{
    public static readonly string[] Header = ["#", "Identity", "MAIL FROM Domain", "Hosted Zone", "Planned", "State", "Result", "Route 53 change id"];

    public static string Write(BulkJobDetails details) =>
        AuditCsv.Line(Header) + string.Concat(details.Rows.Select(r => AuditCsv.Line(
            [(r.Position + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), r.Identity, r.MailFromDomain, r.Zone ?? "(by hand)", r.Plan, r.State.ToString(), r.Result, r.ChangeId])));
}
