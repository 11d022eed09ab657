using Microsoft.AspNetCore.Identity;

namespace MailFromConsole.Web.Infrastructure.Auth;

/// <summary>
/// Password hashes in ASP.NET Core Identity's format (PBKDF2-HMAC-SHA512, random salt, 100,000 iterations),
/// the format <c>Auth:Users:N:PasswordHash</c> expects. Tests use <see cref="Hash"/> to seed users.
/// </summary>
public static class ConsolePasswordHasher
{
    public const int MinimumPasswordLength = 10;

    // The default hasher ignores the user object; a marker type satisfies the generic constraint.
    private sealed class Account;

    private static readonly PasswordHasher<Account> Hasher = new();
    private static readonly Account AnyAccount = new();

    public static string Hash(string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        return Hasher.HashPassword(AnyAccount, password);
    }

    public static PasswordCheck Verify(string hash, string password)
    {
        if (!LooksLikeHash(hash) || string.IsNullOrEmpty(password))
        {
            return PasswordCheck.Wrong;
        }
        return Hasher.VerifyHashedPassword(AnyAccount, hash, password) switch
        {
            PasswordVerificationResult.Success => PasswordCheck.Right,
            PasswordVerificationResult.SuccessRehashNeeded => PasswordCheck.RightButRehash,
            _ => PasswordCheck.Wrong,
        };
    }

    /// <summary>True for a hash this hasher made (Identity's v3 format), so a plain password in config is caught at startup.</summary>
    public static bool LooksLikeHash(string? hash)
    {
        if (string.IsNullOrWhiteSpace(hash) || hash.Length < 40)
        {
            return false;
        }
        var bytes = new byte[hash.Length];
        return Convert.TryFromBase64String(hash, bytes, out var length) && length > 13 && bytes[0] == 0x01;
    }

    /// <summary>Why a new password is refused, or null when it is acceptable.</summary>
    public static string? ProblemWith(string? password) => password switch
    {
        null or "" => "Enter a password.",
        { Length: < MinimumPasswordLength } => $"Use at least {MinimumPasswordLength} characters.",
        { Length: > 512 } => "Use at most 512 characters.",
        _ when string.IsNullOrWhiteSpace(password) => "A password cannot be only spaces.",
        _ => null,
    };
}
