namespace MailFromConsole.LocalAws.Store;

/// <summary>A Route 53 change an account submitted.</summary>
internal sealed record ChangeRow(string AccountId, string Id, DateTimeOffset SubmittedAt, string? Comment);
