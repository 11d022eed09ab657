namespace MailFromConsole.Web.Features.Account;

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
