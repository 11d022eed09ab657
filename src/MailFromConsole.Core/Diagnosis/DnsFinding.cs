namespace MailFromConsole.Core.Diagnosis;

/// <param name="Code">What the finding is about; <see cref="DnsFindingCodes"/> names the groups the console decides on.</param>
/// <param name="Message">Plain words, saying what to fix.</param>
public sealed record DnsFinding(FindingSeverity Severity, DnsFindingCode Code, string Message);
