using MailFromConsole.Core.Ses;

namespace MailFromConsole.Web.Features.Status;

/// <summary>
/// MAIL FROM attributes per region as the pages read them: from the account view, kept fresh by its one sweeper, so
/// SES's 1 request/second limit is spent once however many tabs are open.
/// </summary>
public interface IMailFromStatusCache
{
    /// <summary>The view's attributes (no SES call). Identities the view does not hold are absent.</summary>
    Task<IReadOnlyDictionary<string, IdentityMailFromDomainAttributes>> GetAsync(string region, IReadOnlyCollection<string> identities, CancellationToken cancellationToken = default);

    /// <summary>Reads one identity from SES now (right before a change, or before a test email) and tells the watchers.</summary>
    Task<IdentityMailFromDomainAttributes?> RefreshAsync(string region, string identity, CancellationToken cancellationToken = default);

    /// <summary>Tells each change of the identity in the view (read first while watched) until the returned handle is disposed.</summary>
    IDisposable Watch(string region, string identity, Action<IdentityMailFromDomainAttributes?> onUpdate);

    /// <summary>Message of the sweep's last failed read of SES for the region (null after a good one), for the status page.</summary>
    string? LastPollError(string region);
}
