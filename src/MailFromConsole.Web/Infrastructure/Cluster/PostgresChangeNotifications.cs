using MailFromConsole.Web.Infrastructure.Storage;
using Npgsql;

namespace MailFromConsole.Web.Infrastructure.Cluster;

/// <summary>
/// PostgreSQL LISTEN/NOTIFY on one channel: every instance listens on a connection of its own (opened before the
/// host starts serving, reopened when it drops), and a publish is one <c>pg_notify</c> that PostgreSQL delivers to
/// every listener, this instance's included, when the publishing transaction ends.
/// </summary>
public sealed class PostgresChangeNotifications(StorageOptions storage, ChangeSubscribers subscribers, ILogger<PostgresChangeNotifications> logger)
    : IChangeNotifications, IHostedService, IAsyncDisposable
{
    public const string Channel = "mailfromconsole_changes";

    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);

    private readonly NpgsqlDataSource _publisher = NpgsqlDataSource.Create(storage.ConnectionString);
    private readonly CancellationTokenSource _stopping = new();
    private Task _listening = Task.CompletedTask;
    private int _disposed;

    public async Task PublishAsync(string topic, string payload, CancellationToken cancellationToken = default)
    {
        ChangeMessage.Check(topic, payload);
        await using var command = _publisher.CreateCommand("SELECT pg_notify(@channel, @message)");
        command.Parameters.AddWithValue("channel", Channel);
        command.Parameters.AddWithValue("message", ChangeMessage.Join(topic, payload));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public IDisposable Subscribe(string topic, Action<string> handler) => subscribers.Add(topic, handler);

    /// <summary>Listens before the host serves, so a change published right after start-up is heard.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var connection = await ListenAsync(cancellationToken);
        _listening = Task.Run(() => ListenLoopAsync(connection, _stopping.Token), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await _listening.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        // The container hands this one instance out under three registrations, and disposes it for each.
        if (Interlocked.Exchange(ref _disposed, 1) == 1) return;
        await _stopping.CancelAsync();
        await _publisher.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task<NpgsqlConnection> ListenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(storage.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            connection.Notification += (_, e) =>
            {
                if (ChangeMessage.TrySplit(e.Payload, out var topic, out var payload)) subscribers.Deliver(topic, payload);
            };
            await using var listen = new NpgsqlCommand($"LISTEN {Channel}", connection);
            await listen.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private async Task ListenLoopAsync(NpgsqlConnection connection, CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                await using (connection)
                {
                    while (true)
                    {
                        await connection.WaitAsync(stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                logger.LogWarning(ex, "Change notifications: the listening connection dropped; reconnecting");
            }
            try
            {
                connection = await ReconnectAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task<NpgsqlConnection> ReconnectAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            await Task.Delay(ReconnectDelay, stoppingToken);
            try
            {
                return await ListenAsync(stoppingToken);
            }
            catch (NpgsqlException ex)
            {
                logger.LogWarning(ex, "Change notifications: cannot listen yet; trying again");
            }
        }
    }
}
