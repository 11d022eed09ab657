namespace MailFromConsole.Core.Diagnosis;

/// <summary>Which resolver the diagnosis asks: "system", or "host:port" (e.g. the local AWS DNS view).</summary>
public sealed class DnsResolverOptions
{
    public string Resolver { get; set; } = "system";
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(3);
}
