using System.Collections.Concurrent;
using MailFromConsole.Web.Infrastructure.Auth;
using Microsoft.Extensions.Options;

namespace MailFromConsole.Web.Features.Account;

/// <summary>
/// Slows password guessing without locking the owner out: after a few wrong passwords for one user name from one
/// address, each further attempt from there waits twice as long as the last (up to a cap). Other addresses, and the
/// right password once the wait is over, are unaffected; a success or a quiet spell clears the count.
/// </summary>
public sealed class SignInBackoff(IOptions<ConsoleAuthOptions> options, TimeProvider time)
{
    // Bounds the memory a flood of made-up names or addresses can take; stale entries go first.
    private const int MaximumTracked = 10_000;
    private static readonly TimeSpan QuietSpell = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, (int Count, DateTimeOffset LastAt, DateTimeOffset NextAttemptAt)> _failures = new(StringComparer.Ordinal);

    /// <summary>How long this name from this address must still wait before its next attempt; zero when it may try now.</summary>
    public TimeSpan WaitBeforeAttempt(string? clientAddress, string userName)
    {
        if (!_failures.TryGetValue(Key(clientAddress, userName), out var failures))
        {
            return TimeSpan.Zero;
        }
        var wait = failures.NextAttemptAt - time.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    public void RecordFailure(string? clientAddress, string userName)
    {
        var now = time.GetUtcNow();
        if (_failures.Count >= MaximumTracked)
        {
            Prune(now);
        }
        var settings = options.Value;
        _failures.AddOrUpdate(
            Key(clientAddress, userName),
            _ => Next(0, now, settings),
            (_, previous) => Next(now - previous.LastAt > QuietSpell ? 0 : previous.Count, now, settings));
    }

    public void RecordSuccess(string? clientAddress, string userName) => _failures.TryRemove(Key(clientAddress, userName), out _);

    private static (int Count, DateTimeOffset LastAt, DateTimeOffset NextAttemptAt) Next(int previousCount, DateTimeOffset now, ConsoleAuthOptions settings)
    {
        var count = previousCount + 1;
        var over = count - Math.Max(1, settings.FailedSignInsBeforeDelay);
        if (over < 0)
        {
            return (count, now, now);
        }
        var delay = TimeSpan.FromSeconds(Math.Min(settings.MaximumSignInDelay.TotalSeconds, Math.Pow(2, Math.Min(over, 30))));
        return (count, now, now + delay);
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, failures) in _failures)
        {
            if (now - failures.LastAt > QuietSpell || _failures.Count >= MaximumTracked)
            {
                _failures.TryRemove(key, out _);
            }
        }
    }

    private static string Key(string? clientAddress, string userName)
    {
        // Names longer than any valid one are cut, so hostile input cannot make huge keys.
        var name = userName.Trim().ToLowerInvariant();
        return $"{clientAddress ?? "unknown"}|{(name.Length > UserNames.MaximumLength ? name[..UserNames.MaximumLength] : name)}";
    }
}
