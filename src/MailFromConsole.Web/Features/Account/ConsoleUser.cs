using MailFromConsole.Web.Infrastructure.Auth;

namespace MailFromConsole.Web.Features.Account;

/// <summary>A console user as the directory knows it.</summary>
public sealed record ConsoleUser(string Name, ConsoleRole Role, UserSource Source);

public enum UserSource
{
    /// <summary>From <c>Auth:Users</c>: read-only in the console.</summary>
    Configuration,

    /// <summary>Created in the console (first-run setup or the users page), stored in SQLite.</summary>
    Local,

    /// <summary>Signed in through OpenID Connect; known only by its token.</summary>
    OpenIdConnect,
}

public static class UserNames
{
    public const int MaximumLength = 64;

    /// <summary>Why a new user name is refused, or null when it is acceptable: 1–64 letters, digits, and <c>. _ - @</c>.</summary>
    public static string? ProblemWith(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "Enter a user name.";
        }
        if (name.Length > MaximumLength)
        {
            return $"Use at most {MaximumLength} characters.";
        }
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '@'))
            {
                return "Use only letters, digits, and . _ - @ in a user name.";
            }
        }
        return null;
    }
}
