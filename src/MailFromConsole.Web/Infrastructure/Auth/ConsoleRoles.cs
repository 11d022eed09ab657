using System.Security.Claims;

namespace MailFromConsole.Web.Infrastructure.Auth;

public static class ConsoleRoles
{
    /// <summary>Parses a role name as written in configuration or a claim (case-insensitive, names only, no numbers).</summary>
    public static bool TryParse(string? value, out ConsoleRole role)
    {
        role = default;
        if (string.IsNullOrWhiteSpace(value) || !char.IsLetter(value.Trim()[0]))
        {
            return false;
        }
        return Enum.TryParse(value.Trim(), ignoreCase: true, out role) && Enum.IsDefined(role);
    }

    public static bool Allows(this ConsoleRole held, ConsoleRole minimum) => held >= minimum;

    /// <summary>The highest console role among the principal's role claims, or null when it has none.</summary>
    public static ConsoleRole? Of(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return null;
        }
        ConsoleRole? best = null;
        foreach (var claim in user.FindAll(ClaimTypes.Role))
        {
            if (TryParse(claim.Value, out var role) && (best is null || role > best))
            {
                best = role;
            }
        }
        return best;
    }
}
