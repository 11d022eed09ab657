namespace MailFromConsole.Core.Ses;

/// <summary>GetIdentityMailFromDomainAttributes entry. A null MailFromDomain means no custom MAIL FROM is set.</summary>
public sealed record IdentityMailFromDomainAttributes(
    string? MailFromDomain,
    CustomMailFromStatus? MailFromDomainStatus,
    BehaviorOnMxFailure BehaviorOnMxFailure);
