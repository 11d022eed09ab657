namespace MailFromConsole.Web.Infrastructure.Changes;

/// <summary>
/// One change at a time per key (e.g. an identity), so a read-check-write such as a conditional MAIL FROM change sees
/// the write of the change before it: in this process on SQLite, across all instances on PostgreSQL.
/// </summary>
public interface IChangeLocks
{
    /// <summary>The lock, released when disposed; null when another holder kept it past <see cref="ChangeLocks.Wait"/>.</summary>
    Task<IAsyncDisposable?> LockAsync(string key, CancellationToken cancellationToken);
}
