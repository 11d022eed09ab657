namespace MailFromConsole.Web.Infrastructure.Auth;

/// <summary>The user of the current circuit or request, as the server knows it (not as the browser claims).</summary>
public interface ICurrentUser
{
    /// <summary>The signed-in user's name, or null when nobody is signed in.</summary>
    string? Name { get; }

    /// <summary>The user's console role, or null when not signed in or without a role.</summary>
    ConsoleRole? Role { get; }

    bool Has(ConsoleRole minimum);
}
