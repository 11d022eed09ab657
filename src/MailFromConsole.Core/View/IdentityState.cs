using MailFromConsole.Core.Deliverability;
using MailFromConsole.Core.Ses;

namespace MailFromConsole.Core.View;

/// <summary>
/// What the console knows about one identity of one region, and when each part was last read from SES (null: never).
/// <see cref="ChangedAt"/> is the last change the console itself made: until SES has been read after it, the identity
/// is "unconfirmed" and read first.
/// </summary>
public sealed record IdentityState(string Identity, IdentityType Type)
{
    public VerificationStatus? Verification { get; init; }
    public string? VerificationToken { get; init; }
    public DateTimeOffset? VerificationReadAt { get; init; }

    public IdentityMailFromDomainAttributes? MailFrom { get; init; }
    public DateTimeOffset? MailFromReadAt { get; init; }

    public IdentityDkimAttributes? Dkim { get; init; }
    public DateTimeOffset? DkimReadAt { get; init; }

    public DnsSnapshot? Dns { get; init; }
    public DateTimeOffset? DnsCheckedAt { get; init; }

    public DeliverabilityReadiness? Readiness { get; init; }
    public DateTimeOffset? ReadinessCheckedAt { get; init; }

    public DateTimeOffset? ChangedAt { get; init; }

    public static IdentityType TypeOf(string identity) => identity.Contains('@', StringComparison.Ordinal) ? IdentityType.EmailAddress : IdentityType.Domain;

    /// <summary>When <paramref name="part"/> was last read, or null when never.</summary>
    public DateTimeOffset? ReadAt(ViewPart part) => part switch
    {
        ViewPart.Verification => VerificationReadAt,
        ViewPart.MailFrom => MailFromReadAt,
        ViewPart.Dkim => DkimReadAt,
        ViewPart.Dns => DnsCheckedAt,
        ViewPart.Readiness => ReadinessCheckedAt,
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, null),
    };

    /// <summary>Still moving: SES may change it by itself soon (Pending, TemporaryFailure) — read more often.</summary>
    public bool IsUnsettled(ViewPart part) => part switch
    {
        ViewPart.Verification => Verification is VerificationStatus.Pending or VerificationStatus.TemporaryFailure,
        ViewPart.MailFrom => MailFrom?.MailFromDomainStatus is CustomMailFromStatus.Pending or CustomMailFromStatus.TemporaryFailure,
        ViewPart.Dkim => Dkim?.DkimVerificationStatus is VerificationStatus.Pending or VerificationStatus.TemporaryFailure,
        ViewPart.Dns or ViewPart.Readiness => false,
        _ => throw new ArgumentOutOfRangeException(nameof(part), part, null),
    };

    /// <summary>"Success, but MX now missing": SES still says Success while DNS has lost the MX record.</summary>
    public bool IsSuccessWithMxMissing =>
        MailFrom?.MailFromDomainStatus == CustomMailFromStatus.Success && Dns is { Conclusive: true, MxHosts.Count: 0 };
}
