using MailFromConsole.Web.Infrastructure.Auth;

namespace MailFromConsole.EndToEnd;

/// <summary>Users the browser tests sign in as, seeded through configuration (hashes only, as in production).</summary>
public sealed record TestUser(string Name, string Role, string Password)
{
    public string PasswordHash { get; } = ConsolePasswordHasher.Hash(Password);
}
