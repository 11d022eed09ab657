namespace MailFromConsole.Core.Deliverability;

/// <summary>
/// Live DNS checks behind an identity's deliverability: DMARC, SPF at the MAIL FROM domain, the Easy DKIM CNAMEs.
/// A DNS failure is part of the result, never an exception: only the caller's cancellation throws.
/// </summary>
public interface IDeliverabilityDnsChecks
{
    Task<DmarcLookup> LookUpDmarcAsync(string domain, CancellationToken cancellationToken = default);

    Task<SpfCheck> CheckSpfAsync(string mailFromDomain, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DkimCnameCheck>> CheckDkimCnamesAsync(string domain, IReadOnlyList<string> tokens, CancellationToken cancellationToken = default);
}
