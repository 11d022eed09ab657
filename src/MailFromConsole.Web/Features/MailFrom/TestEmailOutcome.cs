namespace MailFromConsole.Web.Features.MailFrom;

/// <summary>What a test message showed about the MAIL FROM in use.</summary>
public sealed record TestEmailOutcome(bool Sent, string? MessageId, string Source, string Explanation);
