using MailFromConsole.Core.Ses;

namespace MailFromConsole.Web.Features.Status;

/// <summary>
/// MAIL FROM attributes per region, shared by every page and user (a singleton), so SES's 1 request/second limit for
/// GetIdentityMailFromDomainAttributes is spent once however many tabs are open. Reads go out in batches of ≤100.
/// </summary>
public interface IMailFromStatusCache
{
    /// <summary>Cached attributes, fetching the missing or stale ones. Identities SES knows nothing about are absent.</summary>
    Task<IReadOnlyDictionary<string, IdentityMailFromDomainAttributes>> GetAsync(string region, IReadOnlyCollection<string> identities, CancellationToken cancellationToken = default);

    /// <summary>Reads one identity from SES now (after a change) and tells the watchers.</summary>
    Task<IdentityMailFromDomainAttributes?> RefreshAsync(string region, string identity, CancellationToken cancellationToken = default);

    void Invalidate(string region, string identity);

    /// <summary>Polls the identity with every other watched one until the returned handle is disposed.</summary>
    IDisposable Watch(string region, string identity, Action<IdentityMailFromDomainAttributes?> onUpdate);

    /// <summary>Message of the last failed poll for the region (null after a good one), for the status page.</summary>
    string? LastPollError(string region);
}
