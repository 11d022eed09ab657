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

                return observation.TimedOut ? CustomMailFromStatus.TemporaryFailure : CustomMailFromStatus.Pending;
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
}
