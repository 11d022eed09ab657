using System.Collections.Concurrent;
using MailFromConsole.Core.Ses;

namespace MailFromConsole.Web.Features.MailFrom;

/// <summary>
/// SES does not say since when a MAIL FROM domain is Pending, so the console remembers when it first saw it so
/// (or when the assistant set it). The memory lasts as long as the process: after a restart "pending since" starts again.
/// </summary>
public sealed class PendingSinceTracker(TimeProvider time)
{
    private sealed record Seen(string MailFromDomain, DateTimeOffset Since);

    private readonly ConcurrentDictionary<(string Region, string Identity), Seen> pending = new();

    /// <summary>Records what was read; returns since when the domain is Pending, or null when it is not.</summary>
    public DateTimeOffset? Observe(string region, string identity, IdentityMailFromDomainAttributes? attributes)
    {
        var key = (region, identity);
        if (attributes is not { MailFromDomain: { } domain, MailFromDomainStatus: CustomMailFromStatus.Pending })
        {
            pending.TryRemove(key, out _);
            return null;
        }
        var seen = pending.AddOrUpdate(key,
            _ => new Seen(domain, time.GetUtcNow()),
            (_, old) => string.Equals(old.MailFromDomain, domain, StringComparison.OrdinalIgnoreCase) ? old : new Seen(domain, time.GetUtcNow()));
        return seen.Since;
    }

    /// <summary>The setup was (re)started now: SES's detection window starts again.</summary>
    public void Started(string region, string identity, string mailFromDomain) =>
        pending[(region, identity)] = new Seen(mailFromDomain, time.GetUtcNow());
}
