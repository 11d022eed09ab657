using MailFromConsole.Core.Diagnosis;

namespace MailFromConsole.Core.Deliverability;

/// <param name="Message">Plain words: what is wrong and what to change.</param>
public sealed record SpfIssue(FindingSeverity Severity, SpfIssueCode Code, string Message);
