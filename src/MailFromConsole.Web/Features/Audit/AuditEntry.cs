namespace MailFromConsole.Web.Features.Audit;

/// <summary>One recorded change or sign-in event: who did what to which identity in which region, and how it ended.</summary>
public sealed record AuditEntry
{
    /// <summary>Assigned by the log when stored; 0 before.</summary>
    public long Id { get; init; }

    public required DateTimeOffset At { get; init; }

    public required string User { get; init; }

    /// <summary>AWS region, empty for events that have none (sign-in, users).</summary>
    public string Region { get; init; } = "";

    /// <summary>The SES identity (or user name for user events); empty when none.</summary>
    public string Identity { get; init; } = "";

    /// <summary>One of <see cref="AuditActions"/>.</summary>
    public required string Action { get; init; }

    public string? Before { get; init; }

    public string? After { get; init; }

    /// <summary>The Route 53 change id (<c>/change/C…</c>) when the action published records.</summary>
    public string? ChangeId { get; init; }

    /// <summary><see cref="AuditResults.Success"/> or the error code (e.g. an AWS error code such as <c>InvalidChangeBatch</c>).</summary>
    public required string Result { get; init; }

    /// <summary>The error message, or a short note.</summary>
    public string? Detail { get; init; }

    public bool Succeeded => Result == AuditResults.Success;
}
