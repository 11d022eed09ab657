using System.Text.RegularExpressions;

namespace MailFromConsole.LocalAws.Auth;

/// <summary>
/// The local accounts and roles from <see cref="LocalAwsOptions"/>: the default account
/// (<see cref="LocalAwsOptions.DefaultAccountId"/>, key <see cref="LocalAwsOptions.AccessKeyId"/>), the
/// <see cref="LocalAwsOptions.Accounts"/> and the <see cref="LocalAwsOptions.Roles"/>. A configuration mistake
/// stops the start with a message naming the entry, rather than failing later as a refused request.
/// </summary>
internal sealed partial class LocalAccounts
{
    private static readonly TimeSpan ShortestMaxSession = TimeSpan.FromHours(1);
    private static readonly TimeSpan LongestMaxSession = TimeSpan.FromHours(12);

    private readonly Dictionary<string, AccessKey> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LocalRole> _roles = new(StringComparer.Ordinal);
    private readonly HashSet<string> _accountIds = new(StringComparer.Ordinal);

    public LocalAccounts(LocalAwsOptions options)
    {
        AddAccount(LocalAwsOptions.DefaultAccountId, options.AccessKeyId, options.SecretAccessKey, "LocalAws:AccessKeyId");
        for (var i = 0; i < options.Accounts.Count; i++)
        {
            var account = options.Accounts[i];
            AddAccount(account.AccountId, account.AccessKeyId, account.SecretAccessKey, $"LocalAws:Accounts:{i}");
        }

        for (var i = 0; i < options.Roles.Count; i++)
        {
            AddRole(options.Roles[i], $"LocalAws:Roles:{i}");
        }
    }

    public IReadOnlySet<string> AccountIds => _accountIds;

    /// <summary>The long-term key with this id, or null.</summary>
    public AccessKey? FindKey(string accessKeyId) => _keys.GetValueOrDefault(accessKeyId);

    /// <summary>The configured role with this ARN, or null.</summary>
    public LocalRole? FindRole(string roleArn) => _roles.GetValueOrDefault(roleArn);

    private void AddAccount(string accountId, string accessKeyId, string secret, string where)
    {
        if (accountId is null || !AccountIdPattern().IsMatch(accountId))
        {
            throw new InvalidOperationException($"{where}: AccountId '{accountId}' must be twelve digits.");
        }

        if (string.IsNullOrWhiteSpace(accessKeyId) || string.IsNullOrEmpty(secret))
        {
            throw new InvalidOperationException($"{where}: account {accountId} needs an AccessKeyId and a SecretAccessKey.");
        }

        if (!_accountIds.Add(accountId))
        {
            throw new InvalidOperationException($"{where}: account {accountId} is configured twice.");
        }

        if (!_keys.TryAdd(accessKeyId, new AccessKey(accessKeyId, secret, Caller.Root(accountId))))
        {
            throw new InvalidOperationException($"{where}: access key '{accessKeyId}' already belongs to another account.");
        }
    }

    private void AddRole(LocalRoleOptions role, string where)
    {
        if (!LocalRole.TryParseArn(role.RoleArn ?? "", out var accountId, out var name))
        {
            throw new InvalidOperationException($"{where}: RoleArn '{role.RoleArn}' is not of the form arn:aws:iam::<account>:role/<name>.");
        }

        var unknown = role.TrustedAccountIds.Prepend(accountId).FirstOrDefault(id => !_accountIds.Contains(id));
        if (unknown is not null)
        {
            throw new InvalidOperationException($"{where}: account {unknown} of role {role.RoleArn} is not a local account.");
        }

        if (role.MaxSessionDuration < ShortestMaxSession || role.MaxSessionDuration > LongestMaxSession)
        {
            throw new InvalidOperationException($"{where}: MaxSessionDuration of role {role.RoleArn} must be between 1 and 12 hours.");
        }

        var trusted = role.TrustedAccountIds.Count == 0 ? [accountId] : new HashSet<string>(role.TrustedAccountIds, StringComparer.Ordinal);
        if (!_roles.TryAdd(role.RoleArn!, new LocalRole(role.RoleArn!, accountId, name, trusted, role.ExternalId, role.MaxSessionDuration)))
        {
            throw new InvalidOperationException($"{where}: role {role.RoleArn} is configured twice.");
        }
    }

    [GeneratedRegex("^[0-9]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex AccountIdPattern();
}
