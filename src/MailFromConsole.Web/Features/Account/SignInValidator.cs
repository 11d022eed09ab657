using System.Security.Claims;
using MailFromConsole.Web.Infrastructure.Auth;
using Microsoft.Extensions.Options;

namespace MailFromConsole.Web.Features.Account;

/// <summary>Decides whether an existing sign-in still stands: not signed out, user still there, role unchanged.</summary>
public sealed class SignInValidator(UserDirectory directory, SignedOutSessions signedOut, IOptions<ConsoleAuthOptions> options)
{
    /// <summary>The role a signed-in user holds now, by the store's record; null when the sign-in no longer stands.</summary>
    public async Task<ConsoleRole?> RoleNowAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return null;
        }
        // A sign-in stands only while its role is the stored one, so the claim then names the current role.
        return await IsStillValidAsync(user, cancellationToken) ? ConsoleRoles.Of(user) : null;
    }

    public async Task<bool> IsStillValidAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return true;
        }
        if (await signedOut.HasEndedAsync(user.FindFirst(ConsoleClaims.SessionId)?.Value, cancellationToken))
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
        if (current is null || ConsoleRoles.Of(user) != current.Role)
        {
            return false;
        }
        if (current.Source != UserSource.Local)
        {
            return true;
        }
        // A changed stamp means the user's rights changed (role, password) since this sign-in, on any instance.
        var stored = await directory.Store.FindAsync(name, cancellationToken);
        return stored is not null && stored.SecurityStamp == user.FindFirst(ConsoleClaims.SecurityStamp)?.Value;
    }
}
