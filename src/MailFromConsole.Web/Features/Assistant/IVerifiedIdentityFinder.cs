using MailFromConsole.Web.Infrastructure.Errors;

namespace MailFromConsole.Web.Features.Assistant;

/// <summary>The assistant's first step: verified identities of a region matching a search.</summary>
public interface IVerifiedIdentityFinder
{
    Task<ServiceResult<IdentityChoices>> FindAsync(string region, string? search, CancellationToken cancellationToken = default);
}
