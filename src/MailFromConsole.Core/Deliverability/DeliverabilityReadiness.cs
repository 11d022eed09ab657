using MailFromConsole.Core.Ses;

namespace MailFromConsole.Core.Deliverability;

/// <summary>
/// An identity's verdict in short, kept in the account view for the readiness column of the lists and the dashboard:
/// the sweeper computes it from the view and DNS, so a list renders it without asking DNS or SES.
/// </summary>
/// <param name="Gaps">What keeps the identity from passing DMARC, in the verdict's order.</param>
/// <param name="DkimCnames">What DNS showed at each Easy DKIM CNAME, in the order of the tokens.</param>
/// <param name="Basis">What SES said when it was computed (<see cref="BasisOf"/>): when SES says something else, it is computed again.</param>
public sealed record DeliverabilityReadiness(DeliverabilityOutcome Outcome, IReadOnlyList<DeliverabilityGapCode> Gaps, IReadOnlyList<DkimCnameState> DkimCnames, string Basis)
{
    /// <summary>The readiness of a verdict decided from <paramref name="facts"/>.</summary>
    public static DeliverabilityReadiness From(DeliverabilityFacts facts, DeliverabilityVerdict verdict)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(verdict);
        return new DeliverabilityReadiness(verdict.Outcome, [.. verdict.Gaps.Select(g => g.Code)], [.. facts.DkimCnames.Select(c => c.State)], BasisOf(facts.MailFrom, facts.Dkim));
    }

    /// <summary>The SES attributes a readiness depends on, in one comparable string.</summary>
    public static string BasisOf(IdentityMailFromDomainAttributes? mailFrom, IdentityDkimAttributes? signingDkim) =>
        $"{mailFrom?.MailFromDomain}|{mailFrom?.MailFromDomainStatus}|{signingDkim?.DkimEnabled}|{signingDkim?.DkimVerificationStatus}|{(signingDkim is null ? "" : string.Join(' ', signingDkim.DkimTokens))}";

    /// <summary>A few words for a chip: passes, or the first thing to fix.</summary>
    public string Label => Outcome switch
    {
        DeliverabilityOutcome.PassesThroughSpfAndDkim => "Passes DMARC",
        DeliverabilityOutcome.PassesThroughDkimOnly => "Passes DMARC (DKIM only)",
        DeliverabilityOutcome.PassesThroughSpfOnly => "Passes DMARC (SPF only)",
        _ => FirstGapLabel(),
    };

    private string FirstGapLabel()
    {
        if (Gaps.Any(g => g is DeliverabilityGapCode.DkimNotSetUp or DeliverabilityGapCode.DkimCnamesMissing)) return "DKIM missing";
        if (Gaps.Contains(DeliverabilityGapCode.DkimFailed)) return "DKIM failed";
        if (Gaps.Contains(DeliverabilityGapCode.NoDmarc)) return "No DMARC";
        if (Gaps.Contains(DeliverabilityGapCode.DmarcInvalid)) return "DMARC invalid";
        if (Gaps.Contains(DeliverabilityGapCode.DkimPending)) return "DKIM pending";
        if (Gaps.Contains(DeliverabilityGapCode.SpfFails)) return "SPF fails";
        return Outcome == DeliverabilityOutcome.Fails ? "Fails DMARC" : "Not checked";
    }

    public bool Equals(DeliverabilityReadiness? other) =>
        other is not null && Outcome == other.Outcome && Basis == other.Basis && Gaps.SequenceEqual(other.Gaps) && DkimCnames.SequenceEqual(other.DkimCnames);

    public override int GetHashCode() => HashCode.Combine(Outcome, Basis, Gaps.Count, DkimCnames.Count);
}
