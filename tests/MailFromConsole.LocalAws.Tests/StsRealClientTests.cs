using System.Text.Json;
using MailFromConsole.LocalAws.Tests.Support;

namespace MailFromConsole.LocalAws.Tests;

/// <summary>The real aws CLI and boto3 against the local STS, and the credentials it hands out used with SES and Route 53.</summary>
public sealed class StsRealClientTests
{
    [Fact]
    public async Task AwsCliGetCallerIdentityShowsTheDefaultAccount()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        var result = await RealClient.AwsAsync(aws.Endpoint, "sts", "get-caller-identity");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var identity = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal("000000000000", identity.GetProperty("Account").GetString());
        Assert.Equal("arn:aws:iam::000000000000:root", identity.GetProperty("Arn").GetString());
    }

    [Fact]
    public async Task AwsCliAssumeRoleCredentialsActInTheOtherAccountOnSesAndRoute53()
    {
        await using var aws = await LocalAwsFixture.StartAsync(TwoAccounts.Configure);

        var assumed = await RealClient.AwsAsync(aws.Endpoint, "sts", "assume-role", "--role-arn", TwoAccounts.RoleB, "--role-session-name", "cli");
        Assert.True(assumed.ExitCode == 0, assumed.Stderr);
        var credentials = JsonDocument.Parse(assumed.Stdout).RootElement.GetProperty("Credentials");
        var role = new Signing(credentials.GetProperty("AccessKeyId").GetString()!, credentials.GetProperty("SecretAccessKey").GetString()!,
            credentials.GetProperty("SessionToken").GetString()!);
        var identity = await RealClient.AwsAsAsync(aws.Endpoint, role, "sts", "get-caller-identity");
        var ses = await RealClient.AwsAsAsync(aws.Endpoint, role, "ses", "list-identities");
        var route53 = await RealClient.AwsAsAsync(aws.Endpoint, role, "route53", "list-hosted-zones");
        var wrongToken = await RealClient.AwsAsAsync(aws.Endpoint, role with { SessionToken = "forged" }, "ses", "list-identities");

        Assert.True(identity.ExitCode == 0, identity.Stderr);
        Assert.Equal("arn:aws:sts::111111111111:assumed-role/ConsoleRoute53/cli", JsonDocument.Parse(identity.Stdout).RootElement.GetProperty("Arn").GetString());
        Assert.True(ses.ExitCode == 0, ses.Stderr);
        Assert.True(route53.ExitCode == 0, route53.Stderr);
        Assert.NotEqual(0, wrongToken.ExitCode);
        Assert.Contains("(InvalidClientTokenId)", wrongToken.Stderr);
    }

    [Fact]
    public async Task AwsCliAssumeRoleOfAnUntrustedRoleIsAccessDenied()
    {
        await using var aws = await LocalAwsFixture.StartAsync(TwoAccounts.Configure);

        var result = await RealClient.AwsAsAsync(aws.Endpoint, TwoAccounts.KeyB, "sts", "assume-role",
            "--role-arn", TwoAccounts.DefaultAccountOnlyRole, "--role-session-name", "cli");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("(AccessDenied)", result.Stderr);
        Assert.Contains($"User: arn:aws:iam::111111111111:root is not authorized to perform: sts:AssumeRole on resource: {TwoAccounts.DefaultAccountOnlyRole}", result.Stderr);
    }

    [Fact]
    public async Task Boto3AssumesTheRoleAndUsesItsCredentials()
    {
        await using var aws = await LocalAwsFixture.StartAsync(TwoAccounts.Configure);
        const string script = """
            import json, sys, boto3, botocore.exceptions
            endpoint, role_arn = sys.argv[1], sys.argv[2]
            sts = boto3.client('sts', endpoint_url=endpoint)
            out = {'caller': sts.get_caller_identity()['Account']}
            creds = sts.assume_role(RoleArn=role_arn, RoleSessionName='boto3', DurationSeconds=900)['Credentials']
            session = boto3.Session(aws_access_key_id=creds['AccessKeyId'], aws_secret_access_key=creds['SecretAccessKey'],
                                    aws_session_token=creds['SessionToken'], region_name='us-east-1')
            out['assumed'] = session.client('sts', endpoint_url=endpoint).get_caller_identity()['Arn']
            out['identities'] = session.client('ses', endpoint_url=endpoint).list_identities()['Identities']
            out['zones'] = [z['Name'] for z in session.client('route53', endpoint_url=endpoint).list_hosted_zones()['HostedZones']]
            try:
                sts.assume_role(RoleArn='arn:aws:iam::111111111111:role/Missing', RoleSessionName='boto3')
                out['missing'] = 'assumed'
            except botocore.exceptions.ClientError as e:
                out['missing'] = e.response['Error']['Code']
            print(json.dumps(out))
            """;

        var result = await RealClient.PythonAsync(script, aws.Endpoint.ToString(), TwoAccounts.RoleB);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var json = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal("000000000000", json.GetProperty("caller").GetString());
        Assert.Equal("arn:aws:sts::111111111111:assumed-role/ConsoleRoute53/boto3", json.GetProperty("assumed").GetString());
        // Account B has no data of its own: none of the default account's seeded identities and zones shows.
        Assert.Empty(json.GetProperty("identities").EnumerateArray());
        Assert.Empty(json.GetProperty("zones").EnumerateArray());
        Assert.Equal("AccessDenied", json.GetProperty("missing").GetString());
    }
}
