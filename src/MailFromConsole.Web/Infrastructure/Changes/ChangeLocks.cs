using System.Collections.Concurrent;

namespace MailFromConsole.Web.Infrastructure.Changes;

/// <summary>
/// The change lock of one process (SQLite: one instance). One semaphore per key ever changed: bounded by the identities.
/// </summary>
public sealed class ChangeLocks : IChangeLocks
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    /// <summary>How long a change waits for the one before it (an AWS call, seconds) before it gives up.</summary>
    public TimeSpan Wait { get; init; } = TimeSpan.FromSeconds(30);

    public async Task<IAsyncDisposable?> LockAsync(string key, CancellationToken cancellationToken)
    {
        var semaphore = _locks.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        return await semaphore.WaitAsync(Wait, cancellationToken) ? new Release(semaphore) : null;
    }

    private sealed class Release(SemaphoreSlim semaphore) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) semaphore.Release();
            return ValueTask.CompletedTask;
        }
    }
}
