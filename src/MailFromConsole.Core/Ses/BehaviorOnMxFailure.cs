namespace MailFromConsole.Core.Ses;

public enum BehaviorOnMxFailure { UseDefaultValue, RejectMessage }
