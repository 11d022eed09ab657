using System.Security.Claims;
using MailFromConsole.Web.Features.Account;

namespace MailFromConsole.Web.Infrastructure.Auth;

/// <summary>Turns an identity provider's token into a console user: a name and the highest role it maps to.</summary>
public static class OidcRoleMapping
{
    private static readonly string[] NameClaims = ["preferred_username", "email", "name", "sub", ClaimTypes.Name, ClaimTypes.NameIdentifier];

    /// <summary>The console user, or null when the token names no role and there is no default role.</summary>
    public static ConsoleUser? Map(ClaimsPrincipal principal, OidcOptions options)
    {
        var name = NameClaims.Select(type => principal.FindFirst(type)?.Value).FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));
        if (name is null)
        {
            return null;
        }
        ConsoleRole? best = null;
        foreach (var claim in principal.FindAll(options.RoleClaim))
        {
            var value = options.RoleMap.TryGetValue(claim.Value, out var mapped) ? mapped : claim.Value;
            if (ConsoleRoles.TryParse(value, out var role) && (best is null || role > best))
            {
                best = role;
            }
        }
        if (best is null && ConsoleRoles.TryParse(options.DefaultRole, out var fallback))
        {
            best = fallback;
        }
        return best is null ? null : new ConsoleUser(name, best.Value, UserSource.OpenIdConnect);
    }
}
