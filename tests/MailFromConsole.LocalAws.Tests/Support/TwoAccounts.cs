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

    /// <summary>
    /// The start of a boto3 script run with <see cref="Boto3Arguments"/>: <c>a</c> and <c>b</c> hold the ses, sesv2 and
    /// route53 clients of the default account and of B; <c>code(call)</c> is the AWS error code of a call, or 'succeeded'.
    /// </summary>
    public const string Boto3Prelude = """
        import json, sys, boto3, botocore.exceptions
        endpoint, key_b, secret_b = sys.argv[1:4]
        def clients(key, secret):
            s = boto3.Session(aws_access_key_id=key, aws_secret_access_key=secret, region_name='us-east-1')
            return {n: s.client(n, endpoint_url=endpoint) for n in ('ses', 'sesv2', 'route53')}
        def code(call):
            try:
                call()
                return 'succeeded'
            except botocore.exceptions.ClientError as e:
                return e.response['Error']['Code']
        a, b = clients('test', 'test'), clients(key_b, secret_b)

        """;

    /// <summary>What a <see cref="Boto3Prelude"/> script is run with: the endpoint and B's key.</summary>
    public static string[] Boto3Arguments(LocalAwsFixture aws) => [aws.Endpoint.ToString(), KeyB.AccessKey, KeyB.Secret];

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
