namespace MailFromConsole.Web.Infrastructure.Auth;

/// <summary>The <c>Auth</c> configuration section.</summary>
public sealed class ConsoleAuthOptions
{
    public const string Section = "Auth";

    /// <summary>Users from configuration (appsettings/environment); they cannot be changed from the console.</summary>
    public List<ConfiguredUser> Users { get; set; } = [];

    /// <summary>Folder of the user and audit databases; relative paths are taken from the working directory.</summary>
    public string? DataFolder { get; set; }

    /// <summary>Wrong passwords for one user name from one address before each further attempt from there must wait.</summary>
    public int FailedSignInsBeforeDelay { get; set; } = 5;

    /// <summary>The longest such wait (it doubles from one second with each further wrong password).</summary>
    public TimeSpan MaximumSignInDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Sign-in posts allowed per minute from one address, whatever the user name.</summary>
    public int LoginAttemptsPerMinutePerAddress { get; set; } = 30;

    /// <summary>Setup-link posts allowed per minute from one address (their own bucket: they never slow sign-in).</summary>
    public int SetupAttemptsPerMinutePerAddress { get; set; } = 10;

    /// <summary>How long a sign-in lasts without activity.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How often an open console circuit re-checks that its user still exists, has the same role, and has not signed out.</summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromSeconds(30);

    public OidcOptions Oidc { get; set; } = new();
}
