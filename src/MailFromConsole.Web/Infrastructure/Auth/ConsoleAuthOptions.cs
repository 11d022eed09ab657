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

/// <summary>A user configured with a password hash made by <c>hash-password</c> (never a plain password).</summary>
public sealed class ConfiguredUser
{
    public string Name { get; set; } = "";

    public string Role { get; set; } = "";

    public string PasswordHash { get; set; } = "";
}

/// <summary>OpenID Connect sign-in; registered only when <see cref="Authority"/> and <see cref="ClientId"/> are set.</summary>
public sealed class OidcOptions
{
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The text of the sign-in button.</summary>
    public string DisplayName { get; set; } = "your organisation's sign-in";

    /// <summary>The claim whose values name console roles (Viewer, Operator, Admin, or a key of <see cref="RoleMap"/>).</summary>
    public string RoleClaim { get; set; } = "roles";

    /// <summary>Maps identity-provider role or group values to console roles, e.g. <c>"mail-admins": "Admin"</c>.</summary>
    public Dictionary<string, string> RoleMap { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The role of a user whose token names none; empty to refuse such users.</summary>
    public string DefaultRole { get; set; } = nameof(ConsoleRole.Viewer);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}
