using MailFromConsole.Core.Deliverability;
using MailFromConsole.Core.Ses;

namespace MailFromConsole.Web.Features.Identities;

/// <summary>What the list shows: a page of identities matching a search (and a status), sorted by name or by a status.</summary>
public sealed record IdentityQuery(string? Search, bool Descending, int Page, int PageSize)
{
    public IdentitySort SortBy { get; init; } = IdentitySort.Identity;

    /// <summary>Only identities with this verification status (null: any).</summary>
    public VerificationStatus? Verification { get; init; }

    /// <summary>Only identities whose custom MAIL FROM domain has this status (null: any).</summary>
    public CustomMailFromStatus? MailFrom { get; init; }
}

/// <param name="MailFrom">MAIL FROM attributes from the account view; null when SES had none to give (or none read yet).</param>
public sealed record IdentityRow(string Identity, IdentityType Type, VerificationStatus Status, string? VerificationToken, IdentityMailFromDomainAttributes? MailFrom)
{
    /// <summary>False while the first round has listed the identity but not read its status yet.</summary>
    public bool StatusRead { get; init; } = true;

    /// <summary>Whether its mail passes DMARC, as the sweeper last decided (null: not decided yet).</summary>
    public DeliverabilityReadiness? Readiness { get; init; }
}

/// <param name="Warning">Why the view may be old (the last read of SES failed), shown above the rows.</param>
public sealed record IdentityListPage(IReadOnlyList<IdentityRow> Rows, int TotalCount, string? Warning = null);

/// <summary>Result of adding or retrying an identity: for a domain, the TXT record to publish.</summary>
public sealed record VerificationStarted(string Identity, IdentityType Type, string? VerificationRecordName, string? VerificationToken)
{
    public string Instructions => Type == IdentityType.EmailAddress
        ? $"SES sent a verification message to {Identity}. Open the link in it to verify the address."
        : $"Publish a TXT record named {VerificationRecordName} with the value {VerificationToken} to verify {Identity}.";
}
