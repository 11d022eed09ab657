using MailFromConsole.Core.Deliverability;
using MailFromConsole.Core.Diagnosis;

namespace MailFromConsole.Web.Features.Deliverability;

/// <summary>Everything the deliverability section shows for one identity: what SES and DNS say, and the verdict.</summary>
/// <param name="MailFromDns">The DNS check of the custom MAIL FROM domain (its MX), or null when there is none.</param>
public sealed record DeliverabilityReport(DeliverabilityFacts Facts, DeliverabilityVerdict Verdict, DnsDiagnosis? MailFromDns);
