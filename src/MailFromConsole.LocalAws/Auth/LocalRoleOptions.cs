namespace MailFromConsole.LocalAws;

/// <summary>
/// An IAM role that STS AssumeRole may hand out (configuration <c>LocalAws:Roles</c>). The local AWS has no IAM
/// policies: a role's trust is the list of accounts whose principals may assume it, and its sessions may do
/// everything in the role's account.
/// </summary>
public sealed class LocalRoleOptions
{
    /// <summary><c>arn:aws:iam::&lt;account&gt;:role/&lt;name&gt;</c>; the account must be a local account.</summary>
    public string RoleArn { get; set; } = "";

    /// <summary>Accounts whose users and role sessions may assume the role; empty means only the role's own account.</summary>
    public List<string> TrustedAccountIds { get; set; } = [];

    /// <summary>When set, AssumeRole must pass this ExternalId (the trust policy's <c>sts:ExternalId</c> condition).</summary>
    public string? ExternalId { get; set; }

    /// <summary>Longest session AssumeRole grants (IAM's MaxSessionDuration: 1 to 12 hours, default 1).</summary>
    public TimeSpan MaxSessionDuration { get; set; } = TimeSpan.FromHours(1);
}
