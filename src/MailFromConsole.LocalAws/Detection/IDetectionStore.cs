using MailFromConsole.Core.Ses;

namespace MailFromConsole.LocalAws.Detection;

/// <summary>What the MX-detection worker reads and writes, over the identities of every local account. Implemented by the SQLite store.</summary>
public interface IDetectionStore
{
    IReadOnlyList<MailFromSetup> MailFromSetups();

    /// <summary>Writes a new status only if the identity still has the same MAIL FROM domain and setup start (no lost update).</summary>
    void UpdateMailFromStatus(MailFromSetup setup, CustomMailFromStatus newStatus);

    IReadOnlyList<DomainVerification> PendingDomainVerifications();

    void UpdateDomainVerification(DomainVerification verification, VerificationStatus newStatus);

    /// <summary>Easy DKIM setups still checked: Pending, TemporaryFailure and Success (to notice records removed).</summary>
    IReadOnlyList<DkimSetup> DkimSetups();

    /// <summary>
    /// Writes a new DKIM status only if the domain still has the same tokens and detection start. DKIM Success also
    /// verifies the domain, as SES does (VerifyDomainDkim: you can send once you "either successfully verify it or
    /// you successfully set up DKIM for it").
    /// </summary>
    void UpdateDkimStatus(DkimSetup setup, VerificationStatus newStatus);
}
