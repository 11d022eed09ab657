namespace MailFromConsole.Web.Features.Dashboard;

public static class DashboardOrdering
{
    public static bool NeedsAction(DashboardState state) => state <= DashboardState.MxMissing;

    /// <summary>Needs-action states first (Failed, TemporaryFailure, Pending for long — oldest first —, MX now missing), then the rest.</summary>
    public static IReadOnlyList<DashboardRow> Sort(IEnumerable<DashboardRow> rows) =>
        rows.OrderBy(r => r.State)
            .ThenBy(r => r.PendingSince ?? DateTimeOffset.MaxValue)
            .ThenBy(r => r.Identity, StringComparer.OrdinalIgnoreCase)
            .ThenBy(r => r.Region, StringComparer.Ordinal)
            .ToList();

    public static string Label(DashboardState state) => state switch
    {
        DashboardState.Failed => "Failed",
        DashboardState.TemporaryFailure => "Temporary failure",
        DashboardState.PendingTooLong => "Pending for long",
        DashboardState.MxMissing => "Success, but MX now missing",
        DashboardState.Pending => "Pending",
        DashboardState.Success => "Success",
        _ => "Not started",
    };
}
