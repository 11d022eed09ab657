using MailFromConsole.Core.Diagnosis;
using MailFromConsole.Core.Ses;

namespace MailFromConsole.Core.Deliverability;

/// <summary>
/// Decides whether mail from an identity passes DMARC (RFC 7489): SPF aligns only through a custom MAIL FROM domain whose SPF
/// passes, DKIM aligns through Easy DKIM's signing domain, each under the record's aspf / adkim mode; one aligned pass suffices.
/// </summary>
public static class DeliverabilityRules
{
    public static DeliverabilityVerdict Decide(DeliverabilityFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var from = facts.FromDomain;
        var record = facts.Dmarc.Record;
        var gaps = new List<DeliverabilityGap>();
        var spfAligned = SpfAligned(facts, record?.SpfAlignment ?? AlignmentMode.Relaxed, gaps);
        var dkimAligned = DkimAligned(facts, record?.DkimAlignment ?? AlignmentMode.Relaxed, gaps);
        AddDmarcGap(facts, gaps);

        var who = $"Mail from {facts.Identity}";
        if (record is null)
        {
            return new DeliverabilityVerdict(DeliverabilityOutcome.NoDmarcPolicy, spfAligned, dkimAligned,
                $"{who} is not checked against DMARC: {from} has no valid DMARC record.", gaps);
        }

        var (outcome, summary) = (spfAligned, dkimAligned) switch
        {
            (true, true) => (DeliverabilityOutcome.PassesThroughSpfAndDkim, $"{who} passes DMARC through SPF and DKIM."),
            (false, true) => (DeliverabilityOutcome.PassesThroughDkimOnly, $"{who} passes DMARC through DKIM only; SPF does not align."),
            (true, false) => (DeliverabilityOutcome.PassesThroughSpfOnly, $"{who} passes DMARC through SPF only; DKIM does not align."),
            _ => (DeliverabilityOutcome.Fails, $"{who} fails DMARC: neither SPF nor DKIM aligns with {from}, so receivers apply p={facts.Dmarc.AppliedPolicy.ToString()!.ToLowerInvariant()}."),
        };
        return new DeliverabilityVerdict(outcome, spfAligned, dkimAligned, summary, gaps);
    }

    private static bool SpfAligned(DeliverabilityFacts facts, AlignmentMode mode, List<DeliverabilityGap> gaps)
    {
        var from = facts.FromDomain;
        var mailFrom = facts.MailFrom?.MailFromDomain;
        if (mailFrom is null)
        {
            gaps.Add(new DeliverabilityGap(DeliverabilityGapCode.NoMailFromDomain,
                $"SPF does not align: without a custom MAIL FROM domain, SES sends with a MAIL FROM under amazonses.com, not {from}.",
                $"Set a custom MAIL FROM domain such as mail.{from} and publish its MX and SPF records."));
            return false;
        }

        if (facts.MailFrom!.MailFromDomainStatus != CustomMailFromStatus.Success)
        {
            var status = facts.MailFrom.MailFromDomainStatus?.ToString() ?? "not known";
            gaps.Add(new DeliverabilityGap(DeliverabilityGapCode.MailFromNotReady,
                $"SPF does not align yet: the MAIL FROM domain {mailFrom} is {status} at SES, so SES does not use it.",
                $"Publish the MX and SPF records of {mailFrom} (Publish Records Using Route 53) and wait for Success."));
            return false;
        }

        if (facts.MailFromSpf is { Passes: false } spf)
        {
            var why = spf.Issues.FirstOrDefault(i => i.Severity == FindingSeverity.Error)?.Message ?? $"{mailFrom} has no SPF record.";
            gaps.Add(new DeliverabilityGap(DeliverabilityGapCode.SpfFails, $"SPF fails at {mailFrom}: {why}",
                $"Fix the SPF record of {mailFrom} so it is one record with include:amazonses.com and at most 10 DNS lookups."));
            return false;
        }

        if (facts.MailFromSpf is null)
        {
            return false; // not checked: the caller gave no SPF check, nothing to claim either way
        }

        if (!OrganizationalDomain.Aligns(from, mailFrom, mode))
        {
            gaps.Add(new DeliverabilityGap(DeliverabilityGapCode.SpfNotAligned,
                mode == AlignmentMode.Strict
                    ? $"SPF does not align: the DMARC record asks for strict SPF alignment (aspf=s), which needs the MAIL FROM domain to be exactly {from}, but it is {mailFrom}."
                    : $"SPF does not align: the MAIL FROM domain {mailFrom} is not under {OrganizationalDomain.Of(from)}.",
                mode == AlignmentMode.Strict
                    ? "A custom MAIL FROM domain is always a subdomain, so remove aspf=s from the DMARC record (relaxed is the default), or rely on DKIM."
                    : $"Choose a MAIL FROM domain under {from}."));
            return false;
        }

        return true;
    }

    private static bool DkimAligned(DeliverabilityFacts facts, AlignmentMode mode, List<DeliverabilityGap> gaps)
    {
        var dkim = facts.Dkim;
        var domain = facts.DkimDomain;
        if (dkim is null || dkim.DkimVerificationStatus == VerificationStatus.NotStarted || dkim.DkimTokens.Count == 0 && dkim.DkimVerificationStatus != VerificationStatus.Success)
        {
            gaps.Add(new DeliverabilityGap(DeliverabilityGapCode.DkimNotSetUp,
                $"DKIM is missing: Easy DKIM is not set up for {domain}, so mail is signed by amazonses.com only, which does not align.",
                $"Enable Easy DKIM for {domain}, then publish the three CNAME records it gives."));
            return false;
        }

        if (dkim.DkimVerificationStatus != VerificationStatus.Success)
        {
            AddDkimRecordGap(facts, dkim.DkimVerificationStatus, gaps);
            return false;
        }

        if (!dkim.DkimEnabled)
        {
            gaps.Add(new DeliverabilityGap(DeliverabilityGapCode.DkimDisabled,
                $"DKIM does not align: the DKIM records of {domain} are verified, but DKIM signing is turned off.",
                "Turn DKIM signing on for this identity."));
            return false;
        }

        if (!OrganizationalDomain.Aligns(facts.FromDomain, domain, mode))
        {
            gaps.Add(new DeliverabilityGap(DeliverabilityGapCode.DkimNotAligned,
                mode == AlignmentMode.Strict
                    ? $"DKIM does not align: the DMARC record asks for strict DKIM alignment (adkim=s), but mail is signed as {domain}, not {facts.FromDomain}."
                    : $"DKIM does not align: mail is signed as {domain}, which is not under {OrganizationalDomain.Of(facts.FromDomain)}.",
                mode == AlignmentMode.Strict
                    ? $"Set up Easy DKIM for {facts.FromDomain} itself, or remove adkim=s from the DMARC record."
                    : $"Set up Easy DKIM for {facts.FromDomain}."));
            return false;
        }

        return true;
    }

    private static void AddDkimRecordGap(DeliverabilityFacts facts, VerificationStatus status, List<DeliverabilityGap> gaps)
    {
        var notPublished = facts.DkimCnames.Where(c => c.State is DkimCnameState.Missing or DkimCnameState.WrongTarget).ToList();
        if (notPublished.Count > 0)
        {
            var names = string.Join(", ", notPublished.Select(c => c.State == DkimCnameState.WrongTarget ? $"{c.Name} (points at {c.Found})" : c.Name));
            gaps.Add(new DeliverabilityGap(DeliverabilityGapCode.DkimCnamesMissing,
                $"DKIM is missing: {notPublished.Count} of the {facts.DkimCnames.Count} DKIM CNAME records are not in DNS ({names}); SES status {status}.",
                "Publish the DKIM CNAME records (Publish Records Using Route 53, or add them at your DNS provider), each pointing at <token>.dkim.amazonses.com."));
            return;
        }

        gaps.Add(status == VerificationStatus.Failed
            ? new DeliverabilityGap(DeliverabilityGapCode.DkimFailed,
                $"DKIM failed: SES did not find the DKIM records of {facts.DkimDomain} in time.",
                "Check that the three CNAME records are published, then enable Easy DKIM again so SES checks once more.")
            : new DeliverabilityGap(DeliverabilityGapCode.DkimPending,
                $"DKIM is not verified yet: the CNAME records are in DNS and SES status is {status}.",
                "Nothing to change: SES checks the records by itself (for up to 72 hours) and signing starts at Success."));
    }

    private static void AddDmarcGap(DeliverabilityFacts facts, List<DeliverabilityGap> gaps)
    {
        var dmarc = facts.Dmarc;
        switch (dmarc.Status)
        {
            case DmarcLookupStatus.None:
                gaps.Add(new DeliverabilityGap(DeliverabilityGapCode.NoDmarc, dmarc.Message,
                    $"Publish a TXT record at _dmarc.{dmarc.PolicyDomain} such as \"v=DMARC1; p=none; rua=mailto:dmarc-reports@{dmarc.PolicyDomain}\": " +
                    "p=none only asks for reports, so nothing is rejected while you read them."));
                break;
            case DmarcLookupStatus.Several or DmarcLookupStatus.Invalid:
                gaps.Add(new DeliverabilityGap(DeliverabilityGapCode.DmarcInvalid, dmarc.Message, $"Keep one valid v=DMARC1 record at {dmarc.RecordName}."));
                break;
            case DmarcLookupStatus.DnsFailed:
                gaps.Add(new DeliverabilityGap(DeliverabilityGapCode.DmarcUnchecked, dmarc.Message, "Check again when DNS answers."));
                break;
        }
    }
}
