namespace MailFromConsole.Web.Features.Assistant;

/// <param name="NormalizedDomain">The name as it will be set; null when the rules refuse it.</param>
/// <param name="Items">Valid subdomain? Not receiving mail? No CNAME?</param>
/// <param name="Warnings">The console's other warnings (feedback forwarding), to read but not blocking.</param>
/// <param name="HasSpf">An SPF record already exists at the name: it will be extended, not doubled.</param>
public sealed record SubdomainReport(string? NormalizedDomain, IReadOnlyList<CheckItem> Items, IReadOnlyList<string> Warnings, bool HasSpf)
{
    public bool CanUse => NormalizedDomain is not null && Items.All(i => i.State != CheckState.Failed);
}
