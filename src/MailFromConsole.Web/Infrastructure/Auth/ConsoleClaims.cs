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

    public static ClaimsPrincipal Principal(ConsoleUser user, string authenticationType)
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
        return new ClaimsPrincipal(identity);
    }
}
