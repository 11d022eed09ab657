using MailFromConsole.Core.Ses;

namespace MailFromConsole.Core.Bulk;

/// <summary>What a job does with a row's SES step, from SES's setting as read just before it.</summary>
public static class BulkRowDecisions
{
    /// <summary>
    /// The same rule before the first call and after a crash (a row left in <see cref="BulkRowState.MailFromSending"/>):
    /// SES showing the wanted setting means done, so no row is sent twice.
    /// </summary>
    /// <param name="reviewedDomain">The MAIL FROM domain the review showed (null: not set).</param>
    public static MailFromStep Next(IdentityMailFromDomainAttributes? current, string? reviewedDomain, BehaviorOnMxFailure? reviewedBehavior,
        string wantedDomain, BehaviorOnMxFailure wantedBehavior)
    {
        if (Same(current?.MailFromDomain, current?.BehaviorOnMxFailure, wantedDomain, wantedBehavior)) return MailFromStep.AlreadySet;
        // After a lost answer SES shows either the wanted setting (above) or still the reviewed one: anything else is someone else's.
        return Same(current?.MailFromDomain, current?.BehaviorOnMxFailure, reviewedDomain, reviewedBehavior) ? MailFromStep.Send : MailFromStep.ChangedMeanwhile;
    }

    private static bool Same(string? domain, BehaviorOnMxFailure? behavior, string? otherDomain, BehaviorOnMxFailure? otherBehavior) =>
        string.Equals(domain, otherDomain, StringComparison.OrdinalIgnoreCase) && (domain is null || behavior == otherBehavior);
}
