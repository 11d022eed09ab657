using MailFromConsole.Core.Ses;

namespace MailFromConsole.LocalAws.Store;

/// <summary>One SES identity of one account in one region with everything SES keeps about it (v1 and v2 read the same record).</summary>
/// <param name="VerificationToken">Domain: the _amazonses TXT token. Email: the secret of the mailbox link (never returned by the API).</param>
/// <param name="DkimTokens">Easy DKIM tokens of a domain (three, kept for the identity's life); empty when DKIM was never set up.</param>
/// <param name="DkimEnabled">Whether SES DKIM-signs mail from this identity (SetIdentityDkimEnabled / PutEmailIdentityDkimAttributes).</param>
/// <param name="DkimStatus">DKIM detection of a domain; NotStarted until VerifyDomainDkim or CreateEmailIdentity.</param>
/// <param name="DkimStartedAt">When DKIM detection (its window) last started.</param>
/// <param name="Tags">SES API v2 tags, in the order they were set.</param>
internal sealed record IdentityRecord(
    string AccountId,
    string Region,
    string Identity,
    IdentityType Type,
    VerificationStatus VerificationStatus,
    string VerificationToken,
    DateTimeOffset VerificationStartedAt,
    string? MailFromDomain,
    BehaviorOnMxFailure Behavior,
    CustomMailFromStatus? MailFromStatus,
    DateTimeOffset? MailFromStartedAt,
    bool ForwardingEnabled,
    string? BounceTopic,
    string? ComplaintTopic,
    string? DeliveryTopic,
    IReadOnlyList<string> DkimTokens,
    bool DkimEnabled,
    VerificationStatus DkimStatus,
    DateTimeOffset? DkimStartedAt,
    IReadOnlyList<IdentityTag> Tags)
{
    public static IdentityRecord New(SesScope scope, string identity, IdentityType type, string token, DateTimeOffset now) =>
        new(scope.AccountId, scope.Region, identity, type, VerificationStatus.Pending, token, now, null, BehaviorOnMxFailure.UseDefaultValue,
            null, null, ForwardingEnabled: true, null, null, null,
            DkimTokens: [], DkimEnabled: false, DkimStatus: VerificationStatus.NotStarted, DkimStartedAt: null, Tags: []);

    public SesScope Scope => new(AccountId, Region);

    /// <summary>The domain part: the identity itself for a domain, after the @ for an address.</summary>
    public string Domain => Type == IdentityType.Domain ? Identity : Identity[(Identity.LastIndexOf('@') + 1)..];
}
