using System.Security.Claims;
using MailFromConsole.Web.Infrastructure.Auth;
using Microsoft.Extensions.Options;

namespace MailFromConsole.Web.Features.Account;

/// <summary>Decides whether an existing sign-in still stands: not signed out, user still there, role unchanged.</summary>
public sealed class SignInValidator(UserDirectory directory, SignedOutSessions signedOut, IOptions<ConsoleAuthOptions> options)
{
    public async Task<bool> IsStillValidAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return true;
        }
        if (signedOut.HasEnded(user.FindFirst(ConsoleClaims.SessionId)?.Value))
        {
            return false;
        }
        var source = user.FindFirst(ConsoleClaims.Source)?.Value;
        if (source == nameof(UserSource.OpenIdConnect))
        {
            // The identity provider owns these users; the sign-in lasts as long as its cookie.
            return options.Value.Oidc.IsConfigured;
        }
        var name = user.Identity.Name;
        if (name is null)
        {
            return false;
        }
        var current = await directory.FindAsync(name, cancellationToken);
        return current is not null && ConsoleRoles.Of(user) == current.Role;
    }
}
