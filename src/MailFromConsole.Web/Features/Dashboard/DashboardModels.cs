using MailFromConsole.Core.Deliverability;
using MailFromConsole.Core.Ses;

namespace MailFromConsole.Web.Features.Dashboard;

/// <summary>MAIL FROM states as the dashboard counts them, in the order it lists them (needs action first).</summary>
public enum DashboardState { Failed, TemporaryFailure, PendingTooLong, MxMissing, Pending, Success, NotSet }

/// <param name="Reason">Why it is in this state and what to do, in plain words.</param>
/// <param name="PendingSince">Since when the console has seen it Pending (Pending states only).</param>
public sealed record DashboardRow(string Region, string Identity, IdentityType Type, string? MailFromDomain, DashboardState State, string Reason, DateTimeOffset? PendingSince = null)
{
    public bool NeedsAction => DashboardOrdering.NeedsAction(State);

    /// <summary>Whether its mail passes DMARC, as the sweeper last decided (null: not decided yet).</summary>
    public DeliverabilityReadiness? Readiness { get; init; }
}

/// <param name="Errors">Regions that could not be read, with the reason (the others still count).</param>
public sealed record DashboardReport(IReadOnlyList<string> Regions, IReadOnlyDictionary<DashboardState, int> Counts, IReadOnlyList<DashboardRow> Rows, IReadOnlyList<string> Errors)
{
    public int NeedsActionCount => Rows.Count(r => r.NeedsAction);
}

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
