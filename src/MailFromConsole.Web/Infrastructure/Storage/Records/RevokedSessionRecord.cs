namespace MailFromConsole.Web.Infrastructure.Storage.Records;

/// <summary>A sign-in that was signed out: its cookie is refused on every instance, also after a restart.</summary>
public sealed class RevokedSessionRecord
{
    public required string SessionId { get; set; }

    /// <summary>Unix time in milliseconds after which the cookie would have expired anyway, so the row can go.</summary>
    public long UntilMs { get; set; }
}
