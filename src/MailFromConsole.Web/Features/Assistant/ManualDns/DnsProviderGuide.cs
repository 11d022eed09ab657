namespace MailFromConsole.Web.Features.Assistant.ManualDns;

/// <summary>Short, provider-specific steps for adding the records by hand, with that provider's traps.</summary>
/// <param name="Key">Stable id (<c>cloudflare</c>, <c>godaddy</c>, ...).</param>
public sealed record DnsProviderGuide(string Key, string Name, IReadOnlyList<string> Steps, IReadOnlyList<string> Traps);
