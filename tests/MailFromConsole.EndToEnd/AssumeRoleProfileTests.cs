using System.Globalization;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace MailFromConsole.EndToEnd;

/// <summary>
/// A team's assume-role profile: console B runs on real-AWS settings against console A's local AWS, with nothing but
/// an AWS config file whose profile assumes a role in another local account (AWS_CONFIG_FILE and AWS_PROFILE, as the
/// AWS SDK reads them once per process). B then acts as that account.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class AssumeRoleProfileTests(ConsoleFixture console) : IAsyncLifetime
{
    private const string OtherAccount = "111111111111";
    private const string Role = $"arn:aws:iam::{OtherAccount}:role/MailFromConsole";

    private readonly string _awsFolder = Path.Combine(Path.GetTempPath(), "mfc-e2e-aws-" + Guid.NewGuid().ToString("N"));
    private readonly int _localAwsPort = ConsoleApp.FreeTcpPort();
    private ConsoleApp _a = null!;
    private ConsoleApp _b = null!;

    public async Task InitializeAsync()
    {
        _a = await ConsoleApp.StartAsync(new Dictionary<string, string>
        {
            ["LocalAws:HttpPort"] = _localAwsPort.ToString(CultureInfo.InvariantCulture),
            ["LocalAws:Accounts:0:AccountId"] = OtherAccount,
            ["LocalAws:Accounts:0:AccessKeyId"] = "AKIAACCOUNTB0000000B",
            ["LocalAws:Accounts:0:SecretAccessKey"] = "account-b-secret",
            ["LocalAws:Roles:0:RoleArn"] = Role,
            ["LocalAws:Roles:0:TrustedAccountIds:0"] = "000000000000",
        });

        Directory.CreateDirectory(_awsFolder);
        var config = Path.Combine(_awsFolder, "config");
        var credentials = Path.Combine(_awsFolder, "credentials");
        await File.WriteAllTextAsync(config, $"""
            [profile mail-from]
            role_arn = {Role}
            source_profile = base
            region = us-east-1
            """);
        // The source profile's keys are the default local account's (test/test), which the role trusts.
        await File.WriteAllTextAsync(credentials, """
            [base]
            aws_access_key_id = test
            aws_secret_access_key = test
            """);

        var localAws = $"http://127.0.0.1:{_localAwsPort}";
        _b = await ConsoleApp.StartAsync(
            new Dictionary<string, string>
            {
                ["Aws:Backend"] = "Aws",
                ["Aws:SesServiceUrl"] = localAws,
                ["Aws:Route53ServiceUrl"] = localAws,
                ["Aws:StsServiceUrl"] = localAws,
            },
            environment: new Dictionary<string, string?>
            {
                ["AWS_CONFIG_FILE"] = config,
                ["AWS_SHARED_CREDENTIALS_FILE"] = credentials,
                ["AWS_PROFILE"] = "mail-from",
                // Only the profile may speak for B: no keys of the machine running the tests.
                ["AWS_ACCESS_KEY_ID"] = null,
                ["AWS_SECRET_ACCESS_KEY"] = null,
                ["AWS_SESSION_TOKEN"] = null,
            });
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
        Directory.Delete(_awsFolder, recursive: true);
    }

    [Fact]
    public async Task AnAssumeRoleProfileMakesTheConsoleActAsTheRolesAccount()
    {
        var page = await console.Browser.SignInAsync(_b.BaseUrl, TestUsers.Admin, "connection");

        var us = page.Locator("[data-test=connection-identities]").Locator("tbody tr").Filter(new() { HasText = "us-east-1" });
        await Expect(us).ToContainTextAsync(OtherAccount);
        await Expect(us).ToContainTextAsync($"arn:aws:sts::{OtherAccount}:assumed-role/MailFromConsole/");
        // SES took the role's session too (not only STS): the read was allowed in us-east-1.
        var listIdentities = page.Locator("[data-test=connection-actions]").Locator("tbody tr")
            .Filter(new() { HasText = "ses:ListIdentities" }).Filter(new() { HasText = "us-east-1" });
        await Expect(listIdentities).ToContainTextAsync("Allowed");
    }
}
