namespace MailFromConsole.EndToEnd;

/// <summary>The users the browser tests sign in as, one per role.</summary>
public static class TestUsers
{
    public static readonly TestUser Operator = new("otto", "Operator", "operator-password-1");
    public static readonly TestUser Viewer = new("vera", "Viewer", "viewer-password-1");
    public static readonly TestUser Admin = new("ada", "Admin", "admin-password-1");

    public static IReadOnlyList<TestUser> All { get; } = [Operator, Viewer, Admin];
}
