namespace MailFromConsole.Web.Infrastructure.Auth;

/// <summary>A user configured with a password hash made by <c>hash-password</c> (never a plain password).</summary>
public sealed class ConfiguredUser
{
    public string Name { get; set; } = "";

    public string Role { get; set; } = "";

    public string PasswordHash { get; set; } = "";
}
