using System.Net;

namespace MailFromConsole.LocalAws.Detection;

/// <summary>How the local MX detection behaves. SES checks for 72 hours; locally seconds or minutes are handier.</summary>
public sealed class MailFromDetectionOptions
{
    /// <summary>Time between two passes over every setup.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a setup may stay wrong before it becomes Failed (SES: 72 hours).</summary>
    public TimeSpan DetectionWindow { get; set; } = TimeSpan.FromHours(72);

    /// <summary>The DNS server asked (the local DNS server's endpoint).</summary>
    public IPEndPoint? DnsEndpoint { get; set; }

    /// <summary>A lookup slower than this counts as a DNS timeout (TemporaryFailure).</summary>
    public TimeSpan DnsTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Lookups in flight at once during a pass.</summary>
    public int MaxParallelLookups { get; set; } = 8;
}
