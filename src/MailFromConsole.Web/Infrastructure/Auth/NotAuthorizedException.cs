namespace MailFromConsole.Web.Infrastructure.Auth;

/// <summary>Thrown on the server when the current user may not perform an action, whatever the UI showed.</summary>
public sealed class NotAuthorizedException : Exception
{
    public NotAuthorizedException(string? userName, ConsoleRole? held, ConsoleRole required, bool signInEnded = false)
        : base(signInEnded
            ? $"The sign-in of '{userName}' has ended (signed out, removed, or its role changed). Sign in again to do this."
            : Describe(userName, held, required))
    {
        UserName = userName;
        Held = held;
        Required = required;
    }

    public string? UserName { get; }

    public ConsoleRole? Held { get; }

    public ConsoleRole Required { get; }

    private static string Describe(string? userName, ConsoleRole? held, ConsoleRole required) => (userName, held) switch
    {
        (null, _) => $"You are not signed in. Sign in with a user that has the {required} role to do this.",
        (_, null) => $"User '{userName}' has no console role. This action needs the {required} role.",
        _ => $"User '{userName}' has the {held} role. This action needs the {required} role; ask an administrator.",
    };
}
