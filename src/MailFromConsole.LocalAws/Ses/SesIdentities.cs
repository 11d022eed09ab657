using System.Security.Cryptography;
using MailFromConsole.Core.Ses;
using MailFromConsole.LocalAws.Store;
using MailFromConsole.LocalAws.Wire;

namespace MailFromConsole.LocalAws.Ses;

/// <summary>
/// What SES does to identities, whichever API asks: the Query API (v1) and the REST-JSON API v2 both call these, so
/// both see and change the same identities, as in AWS. Errors carry the v1 codes; the v2 layer translates them.
/// </summary>
internal sealed class SesIdentities(IdentityRepository identities, MailboxRepository mailbox, TimeProvider time, Func<Uri> baseUri)
{
    private const string DkimTokenAlphabet = "abcdefghijklmnopqrstuvwxyz234567";
    private const int DkimTokenCount = 3;

    public IdentityRepository Store => identities;

    /// <summary>Adds or restarts an email address identity and mails the verification link (unless verified).</summary>
    public IdentityRecord VerifyEmail(SesScope scope, string address)
    {
        var now = time.GetUtcNow();
        var record = identities.Mutate(scope, address, current => current switch
        {
            null => IdentityRecord.New(scope, address, IdentityType.EmailAddress, NewToken(), now),
            { VerificationStatus: VerificationStatus.Success } => current,
            _ => current with { VerificationStatus = VerificationStatus.Pending, VerificationToken = NewToken(), VerificationStartedAt = now },
        })!;
        if (record.VerificationStatus != VerificationStatus.Success)
        {
            SendVerificationMail(record, now);
        }

        return record;
    }

    /// <summary>Adds a domain identity, or restarts a verification that is not done (the token stays: it may be published).</summary>
    public IdentityRecord VerifyDomain(SesScope scope, string domain)
    {
        var now = time.GetUtcNow();
        return identities.Mutate(scope, domain, current => current switch
        {
            null => IdentityRecord.New(scope, domain, IdentityType.Domain, NewToken(), now),
            { VerificationStatus: VerificationStatus.Success } => current,
            _ => current with { VerificationStatus = VerificationStatus.Pending, VerificationStartedAt = now },
        })!;
    }

    /// <summary>
    /// Easy DKIM for a domain: three tokens, kept for the identity's life (so published CNAMEs stay right); asking
    /// again restarts a detection that has not succeeded. Adds the domain as an identity when missing, as
    /// VerifyDomainDkim documents.
    /// </summary>
    public IdentityRecord StartDkim(SesScope scope, string domain)
    {
        var now = time.GetUtcNow();
        return identities.Mutate(scope, domain, current =>
        {
            var record = current ?? IdentityRecord.New(scope, domain, IdentityType.Domain, NewToken(), now);
            if (record.DkimTokens.Count == 0)
            {
                return record with { DkimTokens = NewDkimTokens(), DkimEnabled = true, DkimStatus = VerificationStatus.Pending, DkimStartedAt = now };
            }

            return record.DkimStatus == VerificationStatus.Success
                ? record
                : record with { DkimStatus = VerificationStatus.Pending, DkimStartedAt = now };
        })!;
    }

    /// <summary>
    /// SES API v2 CreateEmailIdentity: a new identity in one write, a domain with its Easy DKIM tokens and an address
    /// with its verification mail. Refused when the identity exists (unlike v1's Verify… calls).
    /// </summary>
    public IdentityRecord Create(SesScope scope, string identity, IdentityType type, IReadOnlyList<IdentityTag> tags)
    {
        var now = time.GetUtcNow();
        var record = identities.Mutate(scope, identity, current =>
        {
            if (current is not null)
            {
                // AWS's wording (sic), as a public real answer shows it.
                throw new AwsError(400, "AlreadyExistsException", $"Email identity {identity} already exist.");
            }

            var created = IdentityRecord.New(scope, identity, type, NewToken(), now) with { Tags = tags };
            return type == IdentityType.Domain
                ? created with { DkimTokens = NewDkimTokens(), DkimEnabled = true, DkimStatus = VerificationStatus.Pending, DkimStartedAt = now }
                : created;
        })!;
        if (type == IdentityType.EmailAddress)
        {
            SendVerificationMail(record, now);
        }

        return record;
    }

    /// <summary>Sets (or with no domain, disables) the custom MAIL FROM of an identity.</summary>
    /// <param name="behavior">Null keeps the current behaviour when disabling and means UseDefaultValue when setting.</param>
    /// <param name="requireVerified">v1 refuses an identity that is not verified; v2 accepts any existing one (Terraform sets
    /// it right after creating the identity). Detection starts once the identity is verified.</param>
    public void SetMailFrom(SesScope scope, string rawIdentity, string? rawMailFrom, BehaviorOnMxFailure? behavior, bool requireVerified = true)
    {
        var now = time.GetUtcNow();
        identities.Mutate(scope, SesNames.NormalizeIdentity(rawIdentity), current =>
        {
            if (current is null || (requireVerified && current.VerificationStatus != VerificationStatus.Success))
            {
                // Ours: AWS's wording for an unknown or unverified identity here is not known.
                throw AwsError.InvalidParameterValue($"Identity '{rawIdentity}' does not exist.");
            }

            if (string.IsNullOrEmpty(rawMailFrom))
            {
                // No MailFromDomain disables the custom MAIL FROM; harmless when none was set.
                return current with { MailFromDomain = null, MailFromStatus = null, MailFromStartedAt = null, Behavior = behavior ?? current.Behavior };
            }

            var mailFrom = SesNames.NormalizeDomain(rawMailFrom);
            if (mailFrom is null || !SesNames.IsProperSubdomain(mailFrom, current.Domain))
            {
                // AWS's own wording, both names in angle brackets.
                throw AwsError.InvalidParameterValue(
                    $"Provided MAIL-FROM domain <{rawMailFrom}> is not subdomain of the domain of the identity <{rawIdentity}>.");
            }

            // Setting it (again) starts SES's detection window afresh: this is how a Failed setup is restarted.
            return current with
            {
                MailFromDomain = mailFrom,
                MailFromStatus = CustomMailFromStatus.Pending,
                MailFromStartedAt = now,
                Behavior = behavior ?? BehaviorOnMxFailure.UseDefaultValue,
            };
        });
    }

    /// <summary>Turns DKIM signing on or off for an existing identity.</summary>
    public void SetDkimEnabled(SesScope scope, string rawIdentity, bool enabled)
    {
        var identity = SesNames.NormalizeIdentity(rawIdentity);
        identities.Mutate(scope, identity, current =>
        {
            if (current is null)
            {
                // Ours, as for SetIdentityMailFromDomain.
                throw AwsError.InvalidParameterValue($"Identity '{rawIdentity}' does not exist.");
            }

            // SetIdentityDkimEnabled: an address can be signed only once its domain is set up for Easy DKIM; a domain
            // once DKIM verification has started. The messages are ours.
            var domainTokens = current.Type == IdentityType.Domain ? current.DkimTokens : identities.Find(scope, current.Domain)?.DkimTokens ?? [];
            if (enabled && domainTokens.Count == 0)
            {
                throw AwsError.InvalidParameterValue(current.Type == IdentityType.Domain
                    ? $"Easy DKIM is not set up for domain {current.Identity}: call VerifyDomainDkim first."
                    : $"Easy DKIM is not set up for the domain {current.Domain} of identity {current.Identity}.");
            }

            return current with { DkimEnabled = enabled };
        });
    }

    /// <summary>Rewrites an identity's tags in one write; false when the identity does not exist.</summary>
    public bool ChangeTags(SesScope scope, string identity, Func<IReadOnlyList<IdentityTag>, IReadOnlyList<IdentityTag>> change) =>
        identities.ReplaceIf(_ => true, scope, identity, current => current with { Tags = change(current.Tags) });

    /// <summary>Removes an identity with everything SES kept about it (MAIL FROM, DKIM, tags); false when there was none.</summary>
    public bool Delete(SesScope scope, string identity)
    {
        var existed = false;
        identities.Mutate(scope, identity, current =>
        {
            existed = current is not null;
            return null;
        });
        return existed;
    }

    /// <summary>The DKIM picture SES reports for an identity: an address shows its domain's tokens and status.</summary>
    public DkimView Dkim(IdentityRecord record, IdentityRecord? domain)
    {
        var source = record.Type == IdentityType.Domain ? record : domain;
        return source is { DkimTokens.Count: > 0 }
            ? new DkimView(record.DkimEnabled, source.DkimStatus, source.DkimTokens)
            : new DkimView(record.DkimEnabled, VerificationStatus.NotStarted, []);
    }

    private void SendVerificationMail(IdentityRecord record, DateTimeOffset now)
    {
        var link = new Uri(baseUri(), "/_local/verify?token=" + Uri.EscapeDataString(record.VerificationToken));
        var body =
            $"Dear Amazon Web Services Customer,\n\nWe have received a request to authorize this email address for use with Amazon SES " +
            $"in region {record.Region}. To confirm that you are authorized to use this email address, go to the following URL:\n\n{link}\n";
        mailbox.Add(new MailboxMessage(0, record.Region, MailboxKind.Verification, NewMessageId(), "no-reply-aws@amazon.com",
            [record.Identity], $"Amazon Web Services – Email Address Verification Request in region {record.Region}", body,
            $"{NewMessageId()}@{SesNames.DefaultMailFromDomain(record.Region)}", record.VerificationToken, now));
    }

    public string NewMessageId() =>
        $"{time.GetUtcNow().ToUnixTimeMilliseconds():x16}-{Guid.NewGuid()}-000000";

    private static string NewToken() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    // Shaped like SES's: 32 characters of lower-case base32.
    private static string[] NewDkimTokens() =>
        [.. Enumerable.Range(0, DkimTokenCount).Select(_ => RandomNumberGenerator.GetString(DkimTokenAlphabet, 32))];
}
