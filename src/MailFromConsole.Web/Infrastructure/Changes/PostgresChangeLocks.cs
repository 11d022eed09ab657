using MailFromConsole.Web.Infrastructure.Storage;
using Npgsql;

namespace MailFromConsole.Web.Infrastructure.Changes;

/// <summary>
/// The change lock shared by every instance on one PostgreSQL database: a transaction-scoped advisory lock, so it ends
/// with the transaction, or with the connection when the holder's process dies. Waiters of this instance queue on the
/// in-process lock first, so one database connection waits per key and instance.
/// </summary>
public sealed class PostgresChangeLocks(StorageOptions storage, ChangeLocks local, TimeProvider time) : IChangeLocks
{
    /// <summary>PostgreSQL's code for a lock wait that ran past <c>lock_timeout</c>.</summary>
    private const string LockNotAvailable = "55P03";

    public async Task<IAsyncDisposable?> LockAsync(string key, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var inProcess = await local.LockAsync(key, cancellationToken);
        if (inProcess is null) return null;
        var left = local.Wait - time.GetElapsedTime(started);
        NpgsqlConnection? connection = null;
        NpgsqlTransaction? transaction = null;
        try
        {
            connection = new NpgsqlConnection(storage.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var timeout = new NpgsqlCommand($"SET LOCAL lock_timeout = {Math.Max(1, (long)left.TotalMilliseconds)}", connection, transaction))
            {
                await timeout.ExecuteNonQueryAsync(cancellationToken);
            }
            await using (var take = new NpgsqlCommand("SELECT pg_advisory_xact_lock(@key)", connection, transaction))
            {
                take.Parameters.AddWithValue("key", AdvisoryLockKeys.For("change|" + key));
                await take.ExecuteNonQueryAsync(cancellationToken);
            }
            return new Held(connection, transaction, inProcess);
        }
        catch (Exception ex)
        {
            if (transaction is not null) await transaction.DisposeAsync();
            if (connection is not null) await connection.DisposeAsync();
            await inProcess.DisposeAsync();
            if (ex is PostgresException { SqlState: LockNotAvailable }) return null;
            throw;
        }
    }

    private sealed class Held(NpgsqlConnection connection, NpgsqlTransaction transaction, IAsyncDisposable inProcess) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                // Ending the transaction releases the advisory lock; a failed connection has released it already.
                await transaction.DisposeAsync();
                await connection.DisposeAsync();
            }
            finally
            {
                await inProcess.DisposeAsync();
            }
        }
    }
}
