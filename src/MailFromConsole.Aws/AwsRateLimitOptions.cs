namespace MailFromConsole.Aws;

/// <summary>Client-side limits, so the console stays under AWS's documented rates instead of collecting Throttling errors.</summary>
public sealed class AwsRateLimitOptions
{
    /// <summary>Spacing of SES SetIdentityMailFromDomain / GetIdentityMailFromDomainAttributes calls per region and
    /// operation. SES allows 1 request/second; 2 % over 1 s, counted between departures, absorbs timer and network
    /// jitter against a strict server while costing only 2 % of throughput (a rare Throttling is retried).</summary>
    public TimeSpan SesMailFromInterval { get; set; } = TimeSpan.FromMilliseconds(1020);

    /// <summary>Spacing of every other SES call per region and operation. The model documents ListIdentities,
    /// Verify*, DeleteIdentity and the Get…Attributes calls as "no more than once per second" too.</summary>
    public TimeSpan SesOtherInterval { get; set; } = TimeSpan.FromMilliseconds(1020);

    /// <summary>Route 53 allows 10 requests/second per account, with bursts.</summary>
    public double Route53RequestsPerSecond { get; set; } = 10;

    public int Route53Burst { get; set; } = 50;

    /// <summary>STS allows far more; the console only asks it for identities and role sessions.</summary>
    public double StsRequestsPerSecond { get; set; } = 10;
}
