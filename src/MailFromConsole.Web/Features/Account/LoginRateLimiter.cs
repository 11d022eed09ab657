using System.Threading.RateLimiting;
using MailFromConsole.Web.Infrastructure.Auth;
using Microsoft.Extensions.Options;

namespace MailFromConsole.Web.Features.Account;

/// <summary>Limits sign-in attempts per user name and client address, so a password cannot be guessed quickly.</summary>
public sealed class LoginRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public LoginRateLimiter(IOptions<ConsoleAuthOptions> options)
    {
        var perMinute = Math.Max(1, options.Value.LoginAttemptsPerMinute);
        _limiter = PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>Takes one attempt; false when this user name from this address has used up its attempts for now.</summary>
    public bool TryAttempt(string? clientAddress, string userName)
    {
        // Names longer than any valid one are cut, so hostile input cannot make huge partition keys.
        var name = userName.Trim().ToLowerInvariant();
        var key = $"{clientAddress ?? "unknown"}|{(name.Length > 2 * UserNames.MaximumLength ? name[..(2 * UserNames.MaximumLength)] : name)}";
        using var lease = _limiter.AttemptAcquire(key);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
