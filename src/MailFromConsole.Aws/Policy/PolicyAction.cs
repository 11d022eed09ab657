namespace MailFromConsole.Aws.Policy;

/// <summary>One IAM action the console's wire clients can need, what it does and which resources it acts on.</summary>
/// <param name="Service">The IAM service prefix: <c>ses</c>, <c>route53</c> or <c>sts</c>.</param>
/// <param name="Operation">The API operation the client calls (its IAM action has the same name).</param>
public sealed record PolicyAction(string Service, string Operation, PolicyAccess Access, PolicyResource Resource)
{
    public string IamAction => $"{Service}:{Operation}";
}
