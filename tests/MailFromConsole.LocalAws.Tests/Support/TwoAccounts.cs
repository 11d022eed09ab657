namespace MailFromConsole.LocalAws.Tests.Support;

/// <summary>
/// A second local account B besides the default one (test/test), and roles to assume: B's Route 53 role that the
/// default account may assume (with an external id, and without), and a default-account role B may not assume.
/// </summary>
internal static class TwoAccounts
{
    public const string AccountB = "111111111111";
    public const string RoleB = "arn:aws:iam::111111111111:role/ConsoleRoute53";
    public const string RoleBWithExternalId = "arn:aws:iam::111111111111:role/dns/ConsoleRoute53Strict";
    public const string ExternalId = "mail-from-console";
    public const string DefaultAccountOnlyRole = "arn:aws:iam::000000000000:role/LocalOnly";

    public static readonly Signing KeyB = new("AKIAACCOUNTB0000000B", "account-b-secret");

    public static void Configure(LocalAwsOptions options)
    {
        options.Accounts.Add(new LocalAccountOptions { AccountId = AccountB, AccessKeyId = KeyB.AccessKey, SecretAccessKey = KeyB.Secret });
        options.Roles.Add(new LocalRoleOptions { RoleArn = RoleB, TrustedAccountIds = [LocalAwsOptions.DefaultAccountId] });
        options.Roles.Add(new LocalRoleOptions
        {
            RoleArn = RoleBWithExternalId, TrustedAccountIds = [LocalAwsOptions.DefaultAccountId], ExternalId = ExternalId,
            MaxSessionDuration = TimeSpan.FromHours(2),
        });
        options.Roles.Add(new LocalRoleOptions { RoleArn = DefaultAccountOnlyRole });
    }
}
