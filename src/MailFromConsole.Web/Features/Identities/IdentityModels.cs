using MailFromConsole.Core.Ses;

namespace MailFromConsole.Web.Features.Identities;

/// <summary>What the list shows: a page of identities matching a search, sorted by name.</summary>
public sealed record IdentityQuery(string? Search, bool Descending, int Page, int PageSize);

/// <param name="MailFrom">MAIL FROM attributes from the shared cache; null when SES had none to give.</param>
public sealed record IdentityRow(string Identity, IdentityType Type, VerificationStatus Status, string? VerificationToken, IdentityMailFromDomainAttributes? MailFrom);

public sealed record IdentityListPage(IReadOnlyList<IdentityRow> Rows, int TotalCount);

/// <summary>Result of adding or retrying an identity: for a domain, the TXT record to publish.</summary>
public sealed record VerificationStarted(string Identity, IdentityType Type, string? VerificationRecordName, string? VerificationToken)
{
    public string Instructions => Type == IdentityType.EmailAddress
        ? $"SES sent a verification message to {Identity}. Open the link in it to verify the address."
        : $"Publish a TXT record named {VerificationRecordName} with the value {VerificationToken} to verify {Identity}.";
}
