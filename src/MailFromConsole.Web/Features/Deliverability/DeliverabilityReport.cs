using MailFromConsole.Core.Deliverability;

namespace MailFromConsole.Web.Features.Deliverability;

/// <summary>Everything the deliverability section shows for one identity: what SES and DNS say, and the verdict.</summary>
public sealed record DeliverabilityReport(DeliverabilityFacts Facts, DeliverabilityVerdict Verdict);
