using MailFromConsole.Core.Ses;

namespace MailFromConsole.LocalAws.Detection;

/// <summary>
/// SES's asynchronous detection as one decision per check: the current status, what DNS showed, and how long the
/// detection window has been running give the next status. Pure, so the table of cases is tested directly.
/// </summary>
public static class DetectionRules
{
    /// <summary>The MAIL FROM status after one MX check.</summary>
    /// <param name="elapsed">Time since the window started: the setup (SetIdentityMailFromDomain), or the fall back from Success.</param>
    public static CustomMailFromStatus NextMailFromStatus(CustomMailFromStatus status, MxObservation observation, TimeSpan elapsed, TimeSpan window)
    {
        switch (status)
        {
            case CustomMailFromStatus.Failed:
                // SES stops checking after the window; only setting the MAIL FROM domain again restarts it.
                return CustomMailFromStatus.Failed;
            case CustomMailFromStatus.Success:
                if (observation.IsCorrect)
                {
                    return CustomMailFromStatus.Success;
                }

                // The SES API v2 reference (MailFromAttributes, MailFromDomainStatus): "FAILED – Amazon SES can't find
                // the required MX record, or the record no longer exists." A DNS answer without the one right MX is
                // that; only no answer at all leaves SES unable to tell (TEMPORARY_FAILURE).
                return observation.TimedOut ? CustomMailFromStatus.TemporaryFailure : CustomMailFromStatus.Failed;
            default:
                if (observation.IsCorrect)
                {
                    return CustomMailFromStatus.Success;
                }

                if (elapsed >= window)
                {
                    return CustomMailFromStatus.Failed;
                }

                return observation.TimedOut ? CustomMailFromStatus.TemporaryFailure : CustomMailFromStatus.Pending;
        }
    }

    /// <summary>The domain verification status after one check of the <c>_amazonses</c> TXT record.</summary>
    /// <param name="elapsed">Time since verification started (VerifyDomainIdentity).</param>
    public static VerificationStatus NextVerificationStatus(VerificationStatus status, TxtObservation observation, string token, TimeSpan elapsed, TimeSpan window)
    {
        if (status is not (VerificationStatus.Pending or VerificationStatus.TemporaryFailure))
        {
            return status;
        }

        if (observation.Contains(token))
        {
            return VerificationStatus.Success;
        }

        if (elapsed >= window)
        {
            return VerificationStatus.Failed;
        }

        return observation.TimedOut ? VerificationStatus.TemporaryFailure : VerificationStatus.Pending;
    }

    /// <summary>The Easy DKIM status after one check of the domain's three CNAMEs.</summary>
    /// <param name="observations">One lookup per token, in token order.</param>
    /// <param name="elapsed">Time since DKIM detection started (VerifyDomainDkim / CreateEmailIdentity).</param>
    public static VerificationStatus NextDkimStatus(DkimSetup setup, IReadOnlyList<CnameObservation> observations, TimeSpan elapsed, TimeSpan window)
    {
        if (setup.Status is not (VerificationStatus.Pending or VerificationStatus.TemporaryFailure or VerificationStatus.Success))
        {
            return setup.Status;
        }

        if (setup.Tokens.Count > 0 && setup.Tokens.Select((token, i) => observations[i].PointsAt(DkimSetup.Target(token))).All(ok => ok))
        {
            return VerificationStatus.Success;
        }

        var timedOut = observations.Any(o => o.TimedOut);
        if (setup.Status == VerificationStatus.Success)
        {
            // DkimStatus in the SES API v2 reference: "FAILED – ... SES fails to find the DKIM records in the DNS
            // configuration of the domain"; as for MAIL FROM, records gone after Success are that.
            return timedOut ? VerificationStatus.TemporaryFailure : VerificationStatus.Failed;
        }

        if (elapsed >= window)
        {
            return VerificationStatus.Failed;
        }

        return timedOut ? VerificationStatus.TemporaryFailure : VerificationStatus.Pending;
    }
}
