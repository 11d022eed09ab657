namespace MailFromConsole.Core.View;

/// <summary>
/// The parts of the view read separately, each by its own SES operation (or DNS) at its own 1 request/second.
/// Readiness is the deliverability verdict, decided from the other parts and DNS (DMARC, SPF, DKIM CNAMEs).
/// </summary>
public enum ViewPart { Verification, MailFrom, Dkim, Dns, Readiness }
