namespace MailFromConsole.Core.Deliverability;

public static class DeliverabilityOutcomes
{
    /// <summary>Receivers' DMARC check passes: at least one of SPF and DKIM aligns under a valid record.</summary>
    public static bool PassesDmarc(this DeliverabilityOutcome outcome) =>
        outcome is DeliverabilityOutcome.PassesThroughSpfAndDkim or DeliverabilityOutcome.PassesThroughDkimOnly or DeliverabilityOutcome.PassesThroughSpfOnly;
}
