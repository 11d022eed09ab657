using MailFromConsole.Core.Deliverability;
using MailFromConsole.Core.Ses;

namespace MailFromConsole.Web.Features.Dashboard;

/// <param name="Reason">Why it is in this state and what to do, in plain words.</param>
/// <param name="PendingSince">Since when the console has seen it Pending (Pending states only).</param>
public sealed record DashboardRow(string Region, string Identity, IdentityType Type, string? MailFromDomain, DashboardState State, string Reason, DateTimeOffset? PendingSince = null)
{
    public bool NeedsAction => DashboardOrdering.NeedsAction(State);

    /// <summary>Whether its mail passes DMARC, as the sweeper last decided (null: not decided yet).</summary>
    public DeliverabilityReadiness? Readiness { get; init; }
}
