namespace MailFromConsole.Aws;

/// <summary>Configuration section "Aws": endpoints, credentials and the client-side limits of the wire clients.</summary>
public sealed class AwsClientOptions
{
    public const string SectionName = "Aws";

    /// <summary>Shared-credentials profile to use when no explicit keys are set (else the standard chain).</summary>
    public string? Profile { get; set; }

    /// <summary>Endpoint override for SES (e.g. the embedded local AWS). Null: <c>https://email.&lt;region&gt;.amazonaws.com/</c>.</summary>
    public Uri? SesServiceUrl { get; set; }

    /// <summary>Endpoint override for Route 53. Null: <c>https://route53.amazonaws.com/</c>.</summary>
    public Uri? Route53ServiceUrl { get; set; }

    /// <summary>Endpoint override for STS, used by the console's own STS calls and by a profile's <c>role_arn</c>.
    /// Null: <c>https://sts.&lt;region&gt;.amazonaws.com/</c> (the SDK's chain then also honours <c>AWS_ENDPOINT_URL_STS</c>).</summary>
    public Uri? StsServiceUrl { get; set; }

    /// <summary>The region whose STS endpoint assumes the <see cref="Route53Accounts"/> roles.</summary>
    public string StsRegion { get; set; } = "us-east-1";

    /// <summary>Route 53 in other accounts: for a name under <see cref="Route53AccountOptions.Suffix"/>, the role to assume.</summary>
    public List<Route53AccountOptions> Route53Accounts { get; set; } = [];

    /// <summary>The hosted zones the console manages (ids), to limit the least-privilege policy's Route 53 statements. Empty: all zones.</summary>
    public List<string> ManagedHostedZoneIds { get; set; } = [];

    /// <summary>Explicit credentials (used for the local backend); both must be set to take effect.</summary>
    public string? AccessKeyId { get; set; }

    public string? SecretAccessKey { get; set; }

    public string? SessionToken { get; set; }

    public AwsRateLimitOptions RateLimits { get; set; } = new();

    public AwsRetryOptions Retry { get; set; } = new();
}

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

public sealed class AwsRetryOptions
{
    public int MaxRetryAttempts { get; set; } = 5;

    /// <summary>First backoff; it grows exponentially with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(300);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Timeout of one attempt (rate-limit waits are not counted).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
