namespace MailFromConsole.Core.Route53;

/// <param name="Id">The bare change id (the wire's <c>/change/</c> prefix removed).</param>
public sealed record ChangeInfo(string Id, ChangeStatus Status, DateTimeOffset SubmittedAt, string? Comment);
