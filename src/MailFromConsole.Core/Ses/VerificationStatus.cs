namespace MailFromConsole.Core.Ses;

public enum VerificationStatus { Pending, Success, Failed, TemporaryFailure, NotStarted }
