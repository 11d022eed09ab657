using MailFromConsole.Core.View;

namespace MailFromConsole.Web.Features.View;

/// <summary>Where the account view lives between restarts and is shared between instances (the console's database).</summary>
public interface IAccountViewStore
{
    /// <summary>Every saved identity of every region.</summary>
    Task<IReadOnlyList<RegionIdentity>> LoadAllAsync(CancellationToken cancellationToken);

    /// <summary>The saved state of a few identities (another instance changed them).</summary>
    Task<IReadOnlyList<RegionIdentity>> LoadAsync(string region, IReadOnlyCollection<string> identities, CancellationToken cancellationToken);

    /// <summary>Writes changed identities and deletes removed ones in one short transaction.</summary>
    Task SaveAsync(string region, IReadOnlyCollection<IdentityState> changed, IReadOnlyCollection<string> removed, CancellationToken cancellationToken);

    Task AppendHistoryAsync(IReadOnlyCollection<HistoryEntry> entries, CancellationToken cancellationToken);

    /// <summary>An identity's history, newest first.</summary>
    Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string region, string identity, int max, CancellationToken cancellationToken);

    /// <summary>Drift entries of every identity, newest first (the dashboard and the notifications).</summary>
    Task<IReadOnlyList<HistoryEntry>> RecentDriftAsync(int max, CancellationToken cancellationToken);
}
