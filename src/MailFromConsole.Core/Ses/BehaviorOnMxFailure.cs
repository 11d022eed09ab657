namespace MailFromConsole.Core.Ses;

/// <summary>What SES does while the MAIL FROM domain's MX record is not found. Member names are the exact wire strings.</summary>
public enum BehaviorOnMxFailure { UseDefaultValue, RejectMessage }
