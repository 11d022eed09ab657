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
