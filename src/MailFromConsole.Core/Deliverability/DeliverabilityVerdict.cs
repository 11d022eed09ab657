namespace MailFromConsole.Core.Deliverability;

/// <summary>Whether mail from an identity passes DMARC, through which aligned identifier, and what is missing.</summary>
/// <param name="Summary">One sentence for the user.</param>
/// <param name="Gaps">What is missing, each with its fix; empty when mail passes through SPF and DKIM.</param>
public sealed record DeliverabilityVerdict(
    DeliverabilityOutcome Outcome,
    bool SpfAligned,
    bool DkimAligned,
    string Summary,
    IReadOnlyList<DeliverabilityGap> Gaps);
