namespace MailFromConsole.LocalAws;

/// <summary>
/// One more local AWS account (configuration <c>LocalAws:Accounts</c>): its id and the long-term access key of its
/// root user. Requests signed with its key act as this account, which has its own SES identities and Route 53
/// hosted zones.
/// </summary>
public sealed class LocalAccountOptions
{
    /// <summary>Twelve digits, e.g. <c>111111111111</c>.</summary>
    public string AccountId { get; set; } = "";

    public string AccessKeyId { get; set; } = "";

    public string SecretAccessKey { get; set; } = "";
}
