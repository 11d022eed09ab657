using MailFromConsole.Web.Infrastructure.Auth;

namespace MailFromConsole.EndToEnd;

/// <summary>Users the browser tests sign in as, seeded through configuration (hashes only, as in production).</summary>
public sealed record TestUser(string Name, string Role, string Password)
{
    public string PasswordHash { get; } = ConsolePasswordHasher.Hash(Password);
}

public static class TestUsers
{
    public static readonly TestUser Operator = new("otto", "Operator", "operator-password-1");
    public static readonly TestUser Viewer = new("vera", "Viewer", "viewer-password-1");
    public static readonly TestUser Admin = new("ada", "Admin", "admin-password-1");

    public static IReadOnlyList<TestUser> All { get; } = [Operator, Viewer, Admin];
}
