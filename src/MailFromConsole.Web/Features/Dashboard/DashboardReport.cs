namespace MailFromConsole.Web.Features.Dashboard;

/// <param name="Errors">Regions that could not be read, with the reason (the others still count).</param>
public sealed record DashboardReport(IReadOnlyList<string> Regions, IReadOnlyDictionary<DashboardState, int> Counts, IReadOnlyList<DashboardRow> Rows, IReadOnlyList<string> Errors)
{
    public int NeedsActionCount => Rows.Count(r => r.NeedsAction);
}
