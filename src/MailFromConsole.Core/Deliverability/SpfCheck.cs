using MailFromConsole.Core.Diagnosis;

namespace MailFromConsole.Core.Deliverability;

/// <summary>
/// The SPF record of a MAIL FROM domain as a receiver evaluates it: one record only, its include/redirect/a/mx/exists tree
/// resolved through DNS, at most 10 DNS lookups and 2 void lookups (RFC 7208 section 4.6.4), no loops.
/// </summary>
/// <param name="Record">The one SPF record at <see cref="Domain"/>, or null when there is none (or several).</param>
/// <param name="AuthorizesAmazonSes">The record passes mail from SES: it reaches include:amazonses.com through '+' terms.</param>
public sealed record SpfCheck(string Domain, string? Record, int DnsLookups, int VoidLookups, bool AuthorizesAmazonSes, IReadOnlyList<SpfIssue> Issues)
{
    /// <summary>Receivers' SPF check passes for mail SES sends with this MAIL FROM domain.</summary>
    public bool Passes => Record is not null && AuthorizesAmazonSes && Issues.All(i => i.Severity != FindingSeverity.Error);

    /// <summary>The include tree as it was resolved, depth first.</summary>
    public IReadOnlyList<SpfInclude> Includes { get; init; } = [];
}
