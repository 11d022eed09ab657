using MailFromConsole.Core.Ses;

namespace MailFromConsole.LocalAws.Store;

/// <summary>One SES identity in one region with everything SES keeps about it.</summary>
/// <param name="VerificationToken">Domain: the _amazonses TXT token. Email: the secret of the mailbox link (never returned by the API).</param>
internal sealed record IdentityRecord(
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
    string? DeliveryTopic)
{
    public static IdentityRecord New(string region, string identity, IdentityType type, string token, DateTimeOffset now) =>
        new(region, identity, type, VerificationStatus.Pending, token, now, null, BehaviorOnMxFailure.UseDefaultValue,
            null, null, ForwardingEnabled: true, null, null, null);

    /// <summary>The domain part: the identity itself for a domain, after the @ for an address.</summary>
    public string Domain => Type == IdentityType.Domain ? Identity : Identity[(Identity.LastIndexOf('@') + 1)..];
}
