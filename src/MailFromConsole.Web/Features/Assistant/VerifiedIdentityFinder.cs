using MailFromConsole.Core.Ses;
using MailFromConsole.Web.Features.Identities;
using MailFromConsole.Web.Infrastructure.Errors;
using Microsoft.Extensions.Options;

namespace MailFromConsole.Web.Features.Assistant;

/// <summary>The assistant's first step: verified identities of a region matching a search, through the identity service.</summary>
public sealed class VerifiedIdentityFinder(IIdentityService identities, IOptions<GuidedSetupOptions> options) : IVerifiedIdentityFinder
{
    public async Task<ServiceResult<IdentityChoices>> FindAsync(string region, string? search, CancellationToken cancellationToken = default)
    {
        var verified = new List<IdentityChoice>();
        var notVerified = new List<string>();
        var more = false;
        foreach (var type in new[] { IdentityType.Domain, IdentityType.EmailAddress })
        {
            var page = await identities.ListAsync(region, type, new IdentityQuery(search, false, 0, options.Value.IdentityChoices), cancellationToken);
            if (!page.Succeeded) return ServiceResult<IdentityChoices>.Fail(page.Error!, page.ErrorCode);
            foreach (var row in page.Value!.Rows)
            {
                if (row.Status == VerificationStatus.Success) verified.Add(new IdentityChoice(row.Identity, row.Type, row.MailFrom));
                else notVerified.Add(row.Identity);
            }
            more |= page.Value.TotalCount > page.Value.Rows.Count;
        }
        return ServiceResult<IdentityChoices>.Ok(new IdentityChoices(verified, notVerified, more));
    }
}
