using MailFromConsole.Core.Ses;
using MailFromConsole.LocalAws.Detection;

namespace MailFromConsole.LocalAws.Store;

/// <summary>What the MX-detection worker reads and writes, over the identity table of all accounts.</summary>
internal sealed class DetectionStore(IdentityRepository identities) : IDetectionStore
{
    public IReadOnlyList<MailFromSetup> MailFromSetups() =>
        [.. identities.WithMailFrom()
            .Where(i => i is { VerificationStatus: VerificationStatus.Success, MailFromDomain: not null, MailFromStatus: not null, MailFromStartedAt: not null })
            .Select(i => new MailFromSetup(i.AccountId, i.Region, i.Identity, i.MailFromDomain!, i.MailFromStatus!.Value, i.MailFromStartedAt!.Value))];

    public void UpdateMailFromStatus(MailFromSetup setup, CustomMailFromStatus newStatus) =>
        identities.ReplaceIf(
            current => current.MailFromDomain == setup.MailFromDomain && current.MailFromStartedAt == setup.SetupStartedAt,
            new SesScope(setup.AccountId, setup.Region), setup.Identity,
            current => current with { MailFromStatus = newStatus });

    public IReadOnlyList<DomainVerification> PendingDomainVerifications() =>
        [.. identities.DomainsVerifying()
            .Where(i => i.Type == IdentityType.Domain && i.VerificationStatus is VerificationStatus.Pending or VerificationStatus.TemporaryFailure)
            .Select(i => new DomainVerification(i.AccountId, i.Region, i.Identity, i.VerificationToken, i.VerificationStatus, i.VerificationStartedAt))];

    public void UpdateDomainVerification(DomainVerification verification, VerificationStatus newStatus) =>
        identities.ReplaceIf(
            current => current.VerificationToken == verification.Token && current.VerificationStartedAt == verification.StartedAt,
            new SesScope(verification.AccountId, verification.Region), verification.Domain,
            current => current with { VerificationStatus = newStatus });

    public IReadOnlyList<DkimSetup> DkimSetups() =>
        [.. identities.DomainsWithDkim()
            .Where(i => i is { Type: IdentityType.Domain, DkimTokens.Count: > 0, DkimStartedAt: not null })
            .Select(i => new DkimSetup(i.AccountId, i.Region, i.Identity, i.DkimTokens, i.DkimStatus, i.DkimStartedAt!.Value))];

    public void UpdateDkimStatus(DkimSetup setup, VerificationStatus newStatus) =>
        identities.ReplaceIf(
            current => current.DkimTokens.SequenceEqual(setup.Tokens) && current.DkimStartedAt == setup.StartedAt,
            new SesScope(setup.AccountId, setup.Region), setup.Domain,
            current => current with
            {
                DkimStatus = newStatus,
                VerificationStatus = newStatus == VerificationStatus.Success ? VerificationStatus.Success : current.VerificationStatus,
            });
}
