namespace MailFromConsole.Core.Deliverability;

/// <summary>
/// The DMARC record that applies to mail whose From domain is <see cref="Domain"/>: the one at <c>_dmarc.&lt;domain&gt;</c>, or
/// when there is none, the one at the organisational domain (RFC 7489 section 6.6.3).
/// </summary>
/// <param name="PolicyDomain">The domain whose <c>_dmarc</c> name holds the record(s) found; the organisational domain when none was found.</param>
/// <param name="Records">The v=DMARC1 TXT values found at that name.</param>
/// <param name="Message">Plain words: what was found, or what is wrong and how to fix it.</param>
public sealed record DmarcLookup(
    string Domain,
    DmarcLookupStatus Status,
    string PolicyDomain,
    DmarcRecord? Record,
    IReadOnlyList<string> Records,
    string Message)
{
    public string RecordName => "_dmarc." + PolicyDomain;

    /// <summary>True when the record found is the organisational domain's, applying to <see cref="Domain"/> as a subdomain.</summary>
    public bool FromOrganizationalDomain => PolicyDomain != Domain;

    /// <summary>The policy receivers apply to mail from <see cref="Domain"/> (sp= for a subdomain), or null without a valid record.</summary>
    public DmarcPolicy? AppliedPolicy => Record?.PolicyFor(FromOrganizationalDomain);
}
