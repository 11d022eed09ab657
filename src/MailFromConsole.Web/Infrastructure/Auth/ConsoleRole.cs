namespace MailFromConsole.Web.Infrastructure.Auth;

/// <summary>What a signed-in user may do; each role includes the ones below it.</summary>
public enum ConsoleRole
{
    /// <summary>Reads everything, changes nothing.</summary>
    Viewer = 1,

    /// <summary>Sets or disables MAIL FROM domains and publishes DNS records.</summary>
    Operator = 2,

    /// <summary>Manages identities and console users.</summary>
    Admin = 3,
}
