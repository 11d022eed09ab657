namespace MailFromConsole.Core.Ses;

public sealed record SendEmailRequest(
    string Source,
    IReadOnlyList<string> ToAddresses,
    string Subject,
    string TextBody);
