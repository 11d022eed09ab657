using MailFromConsole.Core.Sts;

namespace MailFromConsole.Core.Route53;

/// <summary>
/// Where the console reaches Route 53 for a name: its own account (<see cref="RoleArn"/> null), or another account
/// through a role assumed with STS (<c>Aws:Route53Accounts</c>). <see cref="Client"/> signs with the right credentials.
/// </summary>
/// <param name="Suffix">The configured domain suffix that chose the role, or null for the console's own account.</param>
public sealed record Route53Account(IRoute53Client Client, string? RoleArn, string? ExternalId, string? Suffix)
{
    public bool ThroughRole => RoleArn is not null;

    /// <summary>The role's account, read from its ARN.</summary>
    public string? AccountId => Arns.AccountOf(RoleArn);

    /// <summary>How the preview and the audit log name it: "account 111111111111 through role arn:…" or "the console's own account".</summary>
    public string Describe() => RoleArn is null ? "the console's own account" : $"account {AccountId ?? "(unknown)"} through role {RoleArn}";
}
