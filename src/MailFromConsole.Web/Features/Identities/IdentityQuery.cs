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
