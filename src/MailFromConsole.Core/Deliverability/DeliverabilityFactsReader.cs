using MailFromConsole.Core.MailFrom;
using MailFromConsole.Core.Ses;

namespace MailFromConsole.Core.Deliverability;

/// <summary>Puts together what SES said (from the account view) and what DNS shows now into the facts the verdict is decided on.</summary>
public static class DeliverabilityFactsReader
{
    /// <param name="ownDkim">The identity's DKIM attributes.</param>
    /// <param name="domainDkim">Its domain's (for an address), which signs its mail when it has none of its own.</param>
    public static async Task<DeliverabilityFacts> ReadAsync(
        IDeliverabilityDnsChecks dns, string identity, IdentityMailFromDomainAttributes? mailFrom, IdentityDkimAttributes? ownDkim, IdentityDkimAttributes? domainDkim,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dns);
        var domain = MailFromDomainRules.IdentityDomain(identity);
        var dkim = SigningDkim.Of(identity, domain, ownDkim, domainDkim);
        var dmarcTask = dns.LookUpDmarcAsync(domain, cancellationToken);
        var spfTask = SpfAsync(dns, mailFrom?.MailFromDomain, cancellationToken);
        var cnamesTask = dkim is { DkimTokens.Count: > 0 }
            ? dns.CheckDkimCnamesAsync(domain, dkim.DkimTokens, cancellationToken)
            : Task.FromResult<IReadOnlyList<DkimCnameCheck>>([]);
        return new DeliverabilityFacts(identity, mailFrom, await spfTask.ConfigureAwait(false), dkim, await cnamesTask.ConfigureAwait(false), await dmarcTask.ConfigureAwait(false))
        {
            DkimDomain = domain,
        };
    }

    private static async Task<SpfCheck?> SpfAsync(IDeliverabilityDnsChecks dns, string? mailFromDomain, CancellationToken cancellationToken) =>
        mailFromDomain is null ? null : await dns.CheckSpfAsync(mailFromDomain, cancellationToken).ConfigureAwait(false);
}
