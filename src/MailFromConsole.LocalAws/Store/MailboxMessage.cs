namespace MailFromConsole.LocalAws.Store;

/// <summary>A message the local SES "sent": a verification mail or a SendEmail message, with its Return-Path.</summary>
public sealed record MailboxMessage(
    long Id,
    string Region,
    MailboxKind Kind,
    string MessageId,
    string Source,
    IReadOnlyList<string> Recipients,
    string Subject,
    string Body,
    string ReturnPath,
    string? VerifyToken,
    DateTimeOffset SentAt);
