namespace MailFromConsole.Core.Deliverability;

/// <summary>One include: or redirect= a receiver follows while checking an SPF record, in the order it follows them.</summary>
/// <param name="Depth">1 for a term of the MAIL FROM domain's own record, 2 for a term of the record it includes, and so on.</param>
/// <param name="Term">The term as written, such as <c>include:amazonses.com</c>.</param>
/// <param name="Record">The SPF record found at its name, or null when there is none to follow (missing, a loop, a macro).</param>
public sealed record SpfInclude(int Depth, string Term, string? Record);
