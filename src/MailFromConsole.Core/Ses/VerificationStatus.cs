namespace MailFromConsole.Core.Ses;

/// <summary>SES's verification (and DKIM) status of an identity. Member names are the exact wire strings.</summary>
public enum VerificationStatus { Pending, Success, Failed, TemporaryFailure, NotStarted }
