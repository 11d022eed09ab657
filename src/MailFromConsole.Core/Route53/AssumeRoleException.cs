namespace MailFromConsole.Core.Route53;

/// <summary>STS refused (or could not be asked for) the role configured to reach another account's Route 53.</summary>
public sealed class AssumeRoleException(string roleArn, AwsServiceException stsError)
    : AwsServiceException(stsError.Service, stsError.ErrorCode, stsError.AwsMessage, stsError.StatusCode, stsError.RequestId, stsError)
{
    public string RoleArn { get; } = roleArn;
}
