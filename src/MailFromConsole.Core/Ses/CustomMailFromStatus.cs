namespace MailFromConsole.Core.Ses;

/// <summary>SES's MAIL FROM setup status. Member names are the exact wire strings.</summary>
public enum CustomMailFromStatus { Pending, Success, Failed, TemporaryFailure }
