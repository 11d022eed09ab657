namespace MailFromConsole.Web.Infrastructure.Auth;

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
