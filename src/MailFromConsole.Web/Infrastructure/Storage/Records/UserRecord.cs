namespace MailFromConsole.Web.Infrastructure.Storage.Records;

/// <summary>A user created in the console (first-run setup or the users page).</summary>
public sealed class UserRecord
{
    /// <summary>The name in upper case (invariant): the key, so two names that differ only in case are one user.</summary>
    public required string NormalizedName { get; set; }

    public required string Name { get; set; }

    /// <summary>Viewer, Operator or Admin.</summary>
    public required string Role { get; set; }

    public required string PasswordHash { get; set; }

    /// <summary>Changes whenever the user's rights change; sign-ins carrying an older stamp end.</summary>
    public required string SecurityStamp { get; set; }

    /// <summary>Unix time in milliseconds (portable ordering on both providers).</summary>
    public long CreatedAtMs { get; set; }

    public required string CreatedBy { get; set; }
}
