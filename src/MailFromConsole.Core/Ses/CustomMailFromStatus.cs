namespace MailFromConsole.Core.Ses;

public enum CustomMailFromStatus { Pending, Success, Failed, TemporaryFailure }
