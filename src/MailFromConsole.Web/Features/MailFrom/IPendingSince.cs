using MailFromConsole.Core.Ses;

namespace MailFromConsole.Web.Features.MailFrom;

/// <summary>Since when a MAIL FROM domain is Pending, which SES does not say: remembered by the console, for every instance.</summary>
public interface IPendingSince
{
    /// <summary>
    /// Since when the domain in <paramref name="attributes"/> is Pending, or null when it is not Pending. Records what it
    /// sees: a Pending domain not known yet starts now; a domain no longer Pending is forgotten.
    /// </summary>
    Task<DateTimeOffset?> SinceAsync(string region, string identity, IdentityMailFromDomainAttributes? attributes, CancellationToken cancellationToken = default);

    /// <summary>The MAIL FROM domain was (re)set just now: SES's detection, and so "pending since", starts again.</summary>
    Task StartedAsync(string region, string identity, string mailFromDomain, CancellationToken cancellationToken = default);
}
