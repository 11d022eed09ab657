namespace MailFromConsole.Web.Features.Audit;

/// <summary>What a console service changed; the trail adds who and when.</summary>
public sealed record AuditChange(string Action, string Region, string Identity)
{
    public string? Before { get; init; }

    public string? After { get; init; }

    public string? ChangeId { get; init; }

    /// <summary><see cref="AuditResults.Success"/> or the error code.</summary>
    public string Result { get; init; } = AuditResults.Success;

    public string? Detail { get; init; }
}
