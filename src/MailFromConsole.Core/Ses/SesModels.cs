namespace MailFromConsole.Core.Ses;

// Shapes of the SES v1 API (2010-12-01) that the console uses. Names follow the service model;
// enum member names are the exact wire strings.

public enum IdentityType { EmailAddress, Domain }

public enum VerificationStatus { Pending, Success, Failed, TemporaryFailure, NotStarted }

public enum CustomMailFromStatus { Pending, Success, Failed, TemporaryFailure }

public enum BehaviorOnMxFailure { UseDefaultValue, RejectMessage }

public sealed record IdentityPage(IReadOnlyList<string> Identities, string? NextToken);

public sealed record IdentityVerificationAttributes(VerificationStatus VerificationStatus, string? VerificationToken);

/// <summary>GetIdentityMailFromDomainAttributes entry. A null MailFromDomain means no custom MAIL FROM is set.</summary>
public sealed record IdentityMailFromDomainAttributes(
    string? MailFromDomain,
    CustomMailFromStatus? MailFromDomainStatus,
    BehaviorOnMxFailure BehaviorOnMxFailure);

/// <summary>GetIdentityDkimAttributes entry: Easy DKIM signing and, for domains, the three CNAME tokens and their status.</summary>
public sealed record IdentityDkimAttributes(
    bool DkimEnabled,
    VerificationStatus DkimVerificationStatus,
    IReadOnlyList<string> DkimTokens);

public sealed record IdentityNotificationAttributes(
    string? BounceTopic,
    string? ComplaintTopic,
    string? DeliveryTopic,
    bool ForwardingEnabled);

public sealed record SendEmailRequest(
    string Source,
    IReadOnlyList<string> ToAddresses,
    string Subject,
    string TextBody);
