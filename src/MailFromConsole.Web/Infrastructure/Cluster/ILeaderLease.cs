namespace MailFromConsole.Web.Infrastructure.Cluster;

/// <summary>
/// Which instance of the console runs the periodic work (status polling, the sweeper): exactly one at a time. On
/// SQLite the single process always leads; on PostgreSQL the holder of an advisory lock leads, and when it dies
/// another instance takes over within <see cref="PostgresLeaderLease.RetryInterval"/> (well under 15 s).
/// Run periodic work with <see cref="LeaderLeaseExtensions.RunWhileLeaderAsync"/>.
/// </summary>
public interface ILeaderLease
{
    bool IsLeader { get; }

    /// <summary>Waits until this instance leads; the token returned is cancelled when it stops leading.</summary>
    Task<CancellationToken> WaitForLeadershipAsync(CancellationToken cancellationToken);
}
