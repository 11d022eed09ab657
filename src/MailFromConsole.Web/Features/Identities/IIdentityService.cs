using MailFromConsole.Core.Ses;
using MailFromConsole.Web.Infrastructure.Errors;

namespace MailFromConsole.Web.Features.Identities;

/// <summary>Identity Management: the Email Addresses and Domains lists of a region and their actions.</summary>
public interface IIdentityService
{
    Task<ServiceResult<IdentityListPage>> ListAsync(string region, IdentityType type, IdentityQuery query, CancellationToken cancellationToken = default);

    /// <summary>Every identity matching the query's search and filters (all pages), for "select all matching".</summary>
    Task<ServiceResult<IReadOnlyList<string>>> MatchingAsync(string region, IdentityType type, IdentityQuery query, CancellationToken cancellationToken = default);

    Task<ServiceResult<IdentityRow>> GetAsync(string region, string identity, CancellationToken cancellationToken = default);

    /// <summary>Starts verification of a new email address or domain (after checking the input).</summary>
    Task<ServiceResult<VerificationStarted>> AddAsync(string region, IdentityType type, string identity, CancellationToken cancellationToken = default);

    /// <summary>"retry": email addresses get a new message; domains get their TXT record (the token) again.</summary>
    Task<ServiceResult<VerificationStarted>> RetryVerificationAsync(string region, IdentityType type, string identity, CancellationToken cancellationToken = default);

    Task<ServiceResult> DeleteAsync(string region, string identity, CancellationToken cancellationToken = default);

    /// <summary>Why the typed identity cannot be added, or null when it looks right.</summary>
    string? CheckNewIdentity(IdentityType type, string? identity);
}
