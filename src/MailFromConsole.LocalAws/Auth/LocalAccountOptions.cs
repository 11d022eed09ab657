namespace MailFromConsole.LocalAws;

/// <summary>
/// One more local AWS account (configuration <c>LocalAws:Accounts</c>): its id and the long-term access key of its
/// root user. Requests signed with its key act as this account (the store does not yet partition identities and
/// zones by account).
/// </summary>
public sealed class LocalAccountOptions
{
    /// <summary>Twelve digits, e.g. <c>111111111111</c>.</summary>
    public string AccountId { get; set; } = "";

    public string AccessKeyId { get; set; } = "";

    public string SecretAccessKey { get; set; } = "";
}
