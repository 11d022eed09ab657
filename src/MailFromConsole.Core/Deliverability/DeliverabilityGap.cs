namespace MailFromConsole.Core.Deliverability;

/// <summary>One thing that keeps mail from passing DMARC, in plain words, with the fix.</summary>
public sealed record DeliverabilityGap(DeliverabilityGapCode Code, string Problem, string Fix);
