using System.Security.Claims;
using System.Security.Cryptography;
using MailFromConsole.Web.Features.Account;

namespace MailFromConsole.Web.Infrastructure.Auth;

/// <summary>The claims of a console sign-in.</summary>
public static class ConsoleClaims
{
    /// <summary>A random id per sign-in, so signing out ends that sign-in everywhere (cookie and open circuits).</summary>
    public const string SessionId = "mfc:sid";

    /// <summary>Where the user comes from (<see cref="UserSource"/>).</summary>
    public const string Source = "mfc:source";

    /// <summary>The user's security stamp at sign-in (console-created users only): a later change of their rights changes it.</summary>
    public const string SecurityStamp = "mfc:stamp";

    public static ClaimsPrincipal Principal(ConsoleUser user, string authenticationType, string? securityStamp = null)
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, user.Name),
                new Claim(ClaimTypes.Role, user.Role.ToString()),
                new Claim(Source, user.Source.ToString()),
                new Claim(SessionId, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))),
            ],
            authenticationType,
            ClaimTypes.Name,
            ClaimTypes.Role);
        if (securityStamp is not null)
        {
            identity.AddClaim(new Claim(SecurityStamp, securityStamp));
        }
        return new ClaimsPrincipal(identity);
    }
}
