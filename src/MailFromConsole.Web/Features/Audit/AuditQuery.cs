namespace MailFromConsole.Web.Features.Audit;

/// <summary>
/// Filters (all optional, combined with AND) and a page. User, region and action match exactly (ignoring case);
/// identity matches any part. <see cref="From"/> is inclusive, <see cref="To"/> exclusive.
/// </summary>
public sealed record AuditQuery
{
    public const int MaximumPageSize = 500;

    public string? User { get; init; }

    public string? Region { get; init; }

    public string? Identity { get; init; }

    public string? Action { get; init; }

    /// <summary>Only successes (true), only failures (false), or both (null).</summary>
    public bool? Succeeded { get; init; }

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    public int Skip { get; init; }

    public int Take { get; init; } = 50;
}
