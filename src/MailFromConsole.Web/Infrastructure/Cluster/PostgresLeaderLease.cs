using MailFromConsole.Web.Infrastructure.Storage;
using Npgsql;

namespace MailFromConsole.Web.Infrastructure.Cluster;

/// <summary>
/// Leadership by a session-level PostgreSQL advisory lock held on a connection of its own: PostgreSQL releases it
/// the moment the leader's connection ends (process killed, host gone), and the others try again every
/// <see cref="RetryInterval"/>. The leader checks its connection as often, and stops leading when it fails.
/// </summary>
public sealed class PostgresLeaderLease(StorageOptions storage, ILogger<PostgresLeaderLease> logger) : BackgroundService, ILeaderLease
{
    public const string LockName = "leader";

    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(2);

    private readonly Lock _lock = new();
    private TaskCompletionSource<CancellationToken> _leading = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsLeader => _leading.Task.IsCompletedSuccessfully;

    public async Task<CancellationToken> WaitForLeadershipAsync(CancellationToken cancellationToken)
    {
        Task<CancellationToken> leading;
        lock (_lock)
        {
            leading = _leading.Task;
        }
        return await leading.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var key = AdvisoryLockKeys.For(LockName);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Unpooled: closing it must end the session, and with it the lock (a pooled one would keep both).
                await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(storage.ConnectionString) { Pooling = false }.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                while (!await TryLockAsync(connection, key, stoppingToken))
                {
                    await Task.Delay(RetryInterval, stoppingToken);
                }
                await LeadAsync(connection, stoppingToken);
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException && !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Leader lease: the database connection failed; trying again in {Interval}", RetryInterval);
                await Task.Delay(RetryInterval, stoppingToken);
            }
        }
    }

    private async Task LeadAsync(NpgsqlConnection connection, CancellationToken stoppingToken)
    {
        using var leadership = new CancellationTokenSource();
        lock (_lock)
        {
            _leading.TrySetResult(leadership.Token);
        }
        logger.LogInformation("This instance now runs the periodic work (leader lease taken).");
        try
        {
            while (true)
            {
                await Task.Delay(RetryInterval, stoppingToken);
                await using var check = new NpgsqlCommand("SELECT 1", connection);
                await check.ExecuteScalarAsync(stoppingToken);
            }
        }
        finally
        {
            lock (_lock)
            {
                _leading = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
            }
            await leadership.CancelAsync();
            if (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("This instance lost the leader lease; another instance takes the periodic work over.");
            }
        }
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection connection, long key, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection);
        command.Parameters.AddWithValue("key", key);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
