namespace MailFromConsole.Aws.Policy;

public enum PolicyResource
{
    /// <summary>SES identities and Route 53 listings: the action takes no narrower resource the console can name.</summary>
    Any,

    /// <summary>The managed hosted zones (<c>arn:aws:route53:::hostedzone/ID</c>), or all zones when none are configured.</summary>
    HostedZone,

    /// <summary><c>arn:aws:route53:::change/*</c>.</summary>
    Change,

    /// <summary>The roles of <c>Aws:Route53Accounts</c>.</summary>
    Route53Role,
}
