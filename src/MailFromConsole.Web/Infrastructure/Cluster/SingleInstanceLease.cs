namespace MailFromConsole.Web.Infrastructure.Cluster;

/// <summary>SQLite: one process owns the database file, so it always leads.</summary>
public sealed class SingleInstanceLease : ILeaderLease
{
    public bool IsLeader => true;

    public Task<CancellationToken> WaitForLeadershipAsync(CancellationToken cancellationToken) => Task.FromResult(CancellationToken.None);
}
