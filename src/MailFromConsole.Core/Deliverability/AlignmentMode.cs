namespace MailFromConsole.Core.Deliverability;

/// <summary>DMARC identifier alignment (RFC 7489 section 3.1): <c>r</c> same organisational domain, <c>s</c> the exact domain.</summary>
public enum AlignmentMode { Relaxed, Strict }
