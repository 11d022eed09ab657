using System.Collections.Concurrent;

namespace MailFromConsole.Web.Infrastructure.Changes;

/// <summary>
/// One change at a time per key (e.g. an identity) in this instance, so a read-check-write such as a conditional
/// MAIL FROM change sees the write of the change before it. One semaphore per key ever changed: bounded by the identities.
/// </summary>
public sealed class ChangeLocks
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public async Task<IDisposable> LockAsync(string key, CancellationToken cancellationToken)
    {
        var semaphore = _locks.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await semaphore.WaitAsync(cancellationToken);
        return new Release(semaphore);
    }

    private sealed class Release(SemaphoreSlim semaphore) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) semaphore.Release();
        }
    }
}
