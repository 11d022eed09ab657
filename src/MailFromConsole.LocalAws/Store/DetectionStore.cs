using MailFromConsole.Core.Ses;
using MailFromConsole.LocalAws.Detection;

namespace MailFromConsole.LocalAws.Store;

/// <summary>What the MX-detection worker reads and writes, over the identity table.</summary>
internal sealed class DetectionStore(IdentityRepository identities) : IDetectionStore
{
    public IReadOnlyList<MailFromSetup> MailFromSetups() =>
        [.. identities.WithMailFrom()
            .Where(i => i is { VerificationStatus: VerificationStatus.Success, MailFromDomain: not null, MailFromStatus: not null, MailFromStartedAt: not null })
            .Select(i => new MailFromSetup(i.Region, i.Identity, i.MailFromDomain!, i.MailFromStatus!.Value, i.MailFromStartedAt!.Value))];

    public void UpdateMailFromStatus(MailFromSetup setup, CustomMailFromStatus newStatus) =>
        identities.ReplaceIf(
            current => current.MailFromDomain == setup.MailFromDomain && current.MailFromStartedAt == setup.SetupStartedAt,
            setup.Region, setup.Identity,
            current => current with { MailFromStatus = newStatus });

    public IReadOnlyList<DomainVerification> PendingDomainVerifications() =>
        [.. identities.DomainsVerifying()
            .Where(i => i.Type == IdentityType.Domain && i.VerificationStatus is VerificationStatus.Pending or VerificationStatus.TemporaryFailure)
            .Select(i => new DomainVerification(i.Region, i.Identity, i.VerificationToken, i.VerificationStatus, i.VerificationStartedAt))];

    public void UpdateDomainVerification(DomainVerification verification, VerificationStatus newStatus) =>
        identities.ReplaceIf(
            current => current.VerificationToken == verification.Token && current.VerificationStartedAt == verification.StartedAt,
            verification.Region, verification.Domain,
            current => current with { VerificationStatus = newStatus });
}
