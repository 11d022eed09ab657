namespace MailFromConsole.LocalAws.Auth;

/// <summary>
/// What a service's endpoint accepts in a SigV4 credential scope: the service names, the regions (botocore's
/// endpoints.json, checked by a test) and how far X-Amz-Date may be from the server's clock.
/// </summary>
/// <param name="Name">The signing name AWS names in "Credential should be scoped to correct service: '…'".</param>
/// <param name="ScopeNames">Service names accepted in the scope; SES also takes its endpoint prefix <c>email</c>,
/// which older SDKs signed with (its "String-to-Sign should have been" answers show <c>/email/aws4_request</c>).</param>
internal sealed record SigningService(string Name, IReadOnlySet<string> ScopeNames, IReadOnlySet<string> Regions, TimeSpan AllowedSkew)
{
    // Query APIs allow 15 minutes: STS answers "Signature expired: … (… - 15 min.)" (aws/aws-cli#6676), as SNS
    // does (aws/aws-sdk-js#265, aws/aws-sdk-go#884); SES is a Query API of the same generation.
    private static readonly TimeSpan QueryApiSkew = TimeSpan.FromMinutes(15);

    // Route 53 allows 5 minutes: "Signature expired: … (… - 5 min.)", 403 SignatureDoesNotMatch, from
    // ListHostedZones and record calls (hashicorp/terraform#9333, crazy-max/ddns-route53#40,
    // RedHat-EMEA-SSA-Team/hetzner-ocp4#214, botocore 2022).
    private static readonly TimeSpan Route53Skew = TimeSpan.FromMinutes(5);

    /// <summary>SES (v1 Query and v2 REST-JSON): the regions of endpoints.json's <c>email</c> service.</summary>
    public static readonly SigningService Ses = new("ses", Set("ses", "email"), Set(
        "af-south-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-southeast-1",
        "ap-southeast-2", "ap-southeast-3", "ca-central-1", "eu-central-1", "eu-north-1", "eu-south-1", "eu-west-1",
        "eu-west-2", "eu-west-3", "me-south-1", "sa-east-1", "us-east-1", "us-east-2", "us-gov-west-1", "us-west-1",
        "us-west-2"), QueryApiSkew);

    /// <summary>Route 53 is global: only its partitions' credential-scope regions (us-east-1 for aws).</summary>
    public static readonly SigningService Route53 = new("route53", Set("route53"), Set(
        "cn-northwest-1", "us-east-1", "us-gov-west-1", "us-iso-east-1", "us-isob-east-1"), Route53Skew);

    /// <summary>STS: its regional endpoints in every partition (the global endpoint signs as us-east-1).</summary>
    public static readonly SigningService Sts = new("sts", Set("sts"), Set(
        "af-south-1", "ap-east-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-south-2",
        "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ca-central-1", "cn-north-1", "cn-northwest-1",
        "eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3",
        "me-central-1", "me-south-1", "sa-east-1", "us-east-1", "us-east-2", "us-gov-east-1", "us-gov-west-1",
        "us-iso-east-1", "us-iso-west-1", "us-isob-east-1", "us-west-1", "us-west-2"), QueryApiSkew);

    private static HashSet<string> Set(params string[] values) => new(values, StringComparer.Ordinal);
}
