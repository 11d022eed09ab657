using MailFromConsole.Aws;
using MailFromConsole.Web.Infrastructure.Storage;
using Npgsql;

namespace MailFromConsole.Web.Infrastructure.Cluster;

/// <summary>
/// SES's 1 request/second per region and operation, and Route 53's per-account rate, shared by every instance on
/// one PostgreSQL database. Only the leader sweeps, but a user's change (and its read-back) can start on any
/// instance, so each SES or Route 53 request takes its turn here as well as in its own process.
/// Why in the database rather than routing such calls through the leader: it needs nothing but the database the
/// instances already share, one short statement per request (about a millisecond beside an AWS call of tens), no
/// channel between instances, and a dead instance leaves nothing behind.
/// It is the generic cell rate algorithm on one row per limit: a request may leave when the row's next time, less
/// the burst allowance, has come (by the database's clock, so the instances' clocks need not agree), and leaving
/// moves it on by one interval. The turn is taken in the same statement just before the request leaves, so spacing
/// is measured between departures, as the in-process limiter does. A turn passing from one instance to another
/// waits <see cref="Handover"/> more, because the other's request may still be on its way (a first request of a
/// process opens its connection after its turn). A request that must wait sleeps until then and asks again (another
/// instance may have taken that turn; a row another instance just wrote is not yet in this statement's snapshot,
/// hence the 1 ms retry).
/// </summary>
public sealed class PostgresAwsPacing(StorageOptions storage) : ISharedAwsPacing, IAsyncDisposable
{
    /// <summary>Extra spacing when the previous turn was another instance's: the leader's own sweep runs at full pace.</summary>
    public static readonly TimeSpan Handover = TimeSpan.FromMilliseconds(150);

    private const string TakeTurn = $"""
        WITH clock AS (SELECT (extract(epoch FROM clock_timestamp()) * 1000)::bigint AS now_ms),
        taken AS (
            INSERT INTO {AwsPacingRecordConfiguration.Table} AS p ("Key", "NextMs", "Instance")
            SELECT @key, now_ms + @interval, @instance FROM clock
            ON CONFLICT ("Key") DO UPDATE SET "NextMs" = greatest(p."NextMs", (SELECT now_ms FROM clock)) + @interval, "Instance" = @instance
            WHERE p."NextMs" + CASE WHEN p."Instance" = @instance THEN 0 ELSE @handover END - @tolerance <= (SELECT now_ms FROM clock)
            RETURNING 1)
        SELECT CASE WHEN EXISTS (SELECT 1 FROM taken) THEN 0
                    ELSE coalesce((SELECT greatest(p."NextMs" + CASE WHEN p."Instance" = @instance THEN 0 ELSE @handover END - @tolerance - now_ms, 1)
                                   FROM {AwsPacingRecordConfiguration.Table} p, clock WHERE p."Key" = @key), 1)
               END
        """;

    private readonly NpgsqlDataSource _database = NpgsqlDataSource.Create(storage.ConnectionString);

    /// <summary>Names this process in the rows it writes.</summary>
    private readonly string _instance = Guid.NewGuid().ToString("N");

    public async ValueTask WaitForTurnAsync(string key, TimeSpan interval, int burst, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var intervalMs = (long)Math.Ceiling(interval.TotalMilliseconds);
        var toleranceMs = intervalMs * (Math.Max(burst, 1) - 1);
        while (true)
        {
            await using var command = _database.CreateCommand(TakeTurn);
            command.Parameters.AddWithValue("key", key);
            command.Parameters.AddWithValue("instance", _instance);
            command.Parameters.AddWithValue("interval", intervalMs);
            command.Parameters.AddWithValue("handover", (long)Handover.TotalMilliseconds);
            command.Parameters.AddWithValue("tolerance", toleranceMs);
            var waitMs = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            if (waitMs <= 0) return;
            await Task.Delay(TimeSpan.FromMilliseconds(waitMs), cancellationToken);
        }
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
