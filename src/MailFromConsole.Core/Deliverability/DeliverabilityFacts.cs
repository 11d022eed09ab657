using MailFromConsole.Core.MailFrom;
using MailFromConsole.Core.Ses;

namespace MailFromConsole.Core.Deliverability;

/// <summary>What SES and DNS say about one identity, the input of <see cref="DeliverabilityRules.Decide"/>.</summary>
/// <param name="Identity">A domain or an email address.</param>
/// <param name="MailFrom">SES's MAIL FROM attributes (null when not read).</param>
/// <param name="MailFromSpf">The SPF check at the custom MAIL FROM domain (null when there is none).</param>
/// <param name="Dkim">SES's Easy DKIM attributes (null when not read).</param>
/// <param name="DkimCnames">The DNS check of each DKIM token's CNAME.</param>
/// <param name="Dmarc">The DMARC record that applies to the identity's domain.</param>
public sealed record DeliverabilityFacts(
    string Identity,
    IdentityMailFromDomainAttributes? MailFrom,
    SpfCheck? MailFromSpf,
    IdentityDkimAttributes? Dkim,
    IReadOnlyList<DkimCnameCheck> DkimCnames,
    DmarcLookup Dmarc)
{
    /// <summary>The domain in the From header of mail from this identity: the domain, or the address's domain.</summary>
    public string FromDomain => DomainOf(Identity);

    /// <summary>
    /// The d= domain SES signs with. An email address or subdomain without DKIM of its own inherits its parent domain's
    /// Easy DKIM; the caller says so here. Defaults to <see cref="FromDomain"/>.
    /// </summary>
    public string DkimDomain { get; init; } = DomainOf(Identity);

    private static string DomainOf(string identity) => MailFromDomainRules.IdentityDomain(identity);
}
