namespace MailFromConsole.Aws.Policy;

/// <summary>One IAM action the console's wire clients can need, what it does and which resources it acts on.</summary>
/// <param name="Service">The IAM service prefix: <c>ses</c>, <c>route53</c> or <c>sts</c>.</param>
/// <param name="Operation">The API operation the client calls (its IAM action has the same name).</param>
public sealed record PolicyAction(string Service, string Operation, PolicyAccess Access, PolicyResource Resource)
{
    public string IamAction => $"{Service}:{Operation}";
}

/// <summary>Read-only actions can be tried safely; write actions are only named.</summary>
public enum PolicyAccess
{
    Read,
    Write,
}

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
