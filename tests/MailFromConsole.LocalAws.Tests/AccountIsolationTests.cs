using System.Text.Json;
using MailFromConsole.LocalAws.Tests.Support;

namespace MailFromConsole.LocalAws.Tests;

/// <summary>
/// Several local accounts on one machine, driven by the real aws CLI and boto3: each key (and each role's temporary
/// credentials) sees only its account's SES identities and Route 53 hosted zones, as in AWS.
/// </summary>
public sealed class AccountIsolationTests
{
    [Fact]
    public async Task Boto3SeesSeparateIdentitiesAndHostedZonesInEachAccount()
    {
        await using var aws = await LocalAwsFixture.StartAsync(TwoAccounts.Configure);
        const string script = TwoAccounts.Boto3Prelude + """
            out = {}
            for name, c, domain in (('a', a, 'a-only.test'), ('b', b, 'b-only.test')):
                c['ses'].verify_domain_identity(Domain=domain)
                c['sesv2'].create_email_identity(EmailIdentity='v2.' + domain)
                # The same caller reference in both accounts: it is unique per account only.
                out[name + '_zone'] = c['route53'].create_hosted_zone(Name=domain, CallerReference='shared-ref')['HostedZone']['Id']
            b_example_token = b['ses'].verify_domain_identity(Domain='example.com')['VerificationToken']
            for name, c in (('a', a), ('b', b)):
                out[name + '_identities'] = c['ses'].list_identities()['Identities']
                out[name + '_v2'] = [i['IdentityName'] for i in c['sesv2'].list_email_identities()['EmailIdentities']]
                out[name + '_zones'] = [z['Name'] for z in c['route53'].list_hosted_zones()['HostedZones']]
                out[name + '_count'] = c['route53'].get_hosted_zone_count()['HostedZoneCount']
            a_example = a['ses'].get_identity_verification_attributes(Identities=['example.com'])['VerificationAttributes']['example.com']
            b_example = b['ses'].get_identity_verification_attributes(Identities=['example.com'])['VerificationAttributes']['example.com']
            out['example_tokens_differ'] = a_example['VerificationToken'] != b_example_token
            out['example_status'] = [a_example['VerificationStatus'], b_example['VerificationStatus']]
            out['b_sees_a_identity'] = b['ses'].get_identity_verification_attributes(Identities=['a-only.test'])['VerificationAttributes']
            zone_a = out['a_zone']
            batch = {'Changes': [{'Action': 'CREATE', 'ResourceRecordSet': {'Name': 'x.a-only.test', 'Type': 'TXT', 'TTL': 60,
                     'ResourceRecords': [{'Value': '"b was here"'}]}}]}
            out['b_on_a_zone'] = [
                code(lambda: b['route53'].get_hosted_zone(Id=zone_a)),
                code(lambda: b['route53'].list_resource_record_sets(HostedZoneId=zone_a)),
                code(lambda: b['route53'].change_resource_record_sets(HostedZoneId=zone_a, ChangeBatch=batch)),
                code(lambda: b['route53'].list_tags_for_resource(ResourceType='hostedzone', ResourceId=zone_a.split('/')[-1])),
                code(lambda: b['route53'].delete_hosted_zone(Id=zone_a)),
            ]
            out['b_on_a_v2'] = [
                code(lambda: b['sesv2'].get_email_identity(EmailIdentity='v2.a-only.test')),
                code(lambda: b['sesv2'].list_tags_for_resource(ResourceArn='arn:aws:ses:us-east-1:000000000000:identity/v2.a-only.test')),
            ]
            out['a_zone_records'] = len(a['route53'].list_resource_record_sets(HostedZoneId=zone_a)['ResourceRecordSets'])
            print(json.dumps(out))
            """;

        var result = await RealClient.PythonAsync(script, TwoAccounts.Boto3Arguments(aws));

        Assert.True(result.ExitCode == 0, result.Stderr);
        var json = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(["b-only.test", "example.com", "v2.b-only.test"], Strings(json, "b_identities").Order());
        Assert.Equal(["b-only.test", "example.com", "v2.b-only.test"], Strings(json, "b_v2").Order());
        Assert.Equal(["b-only.test."], Strings(json, "b_zones"));
        Assert.Equal(1, json.GetProperty("b_count").GetInt32());
        Assert.Contains("a-only.test", Strings(json, "a_identities"));
        Assert.Contains(LocalAwsSeeds.ReadyDomain, Strings(json, "a_identities"));
        Assert.DoesNotContain("b-only.test", Strings(json, "a_identities"));
        Assert.DoesNotContain("v2.b-only.test", Strings(json, "a_v2"));
        Assert.Contains("a-only.test.", Strings(json, "a_zones"));
        Assert.DoesNotContain("b-only.test.", Strings(json, "a_zones"));
        Assert.Equal(Strings(json, "a_zones").Count, json.GetProperty("a_count").GetInt32());
        Assert.True(json.GetProperty("example_tokens_differ").GetBoolean());
        Assert.Equal(["Success", "Pending"], Strings(json, "example_status"));
        Assert.Empty(json.GetProperty("b_sees_a_identity").EnumerateObject());
        Assert.All(Strings(json, "b_on_a_zone"), code => Assert.Equal("NoSuchHostedZone", code));
        Assert.All(Strings(json, "b_on_a_v2"), code => Assert.Equal("NotFoundException", code));
        Assert.Equal(2, json.GetProperty("a_zone_records").GetInt32());
    }

    [Fact]
    public async Task AwsCliGetCallerIdentityNamesTheAccountOfEachKey()
    {
        await using var aws = await LocalAwsFixture.StartAsync(TwoAccounts.Configure);

        var defaultAccount = await RealClient.AwsAsAsync(aws.Endpoint, Signing.Default, "sts", "get-caller-identity");
        var accountB = await RealClient.AwsAsAsync(aws.Endpoint, TwoAccounts.KeyB, "sts", "get-caller-identity");

        Assert.True(defaultAccount.ExitCode == 0, defaultAccount.Stderr);
        Assert.True(accountB.ExitCode == 0, accountB.Stderr);
        var a = JsonDocument.Parse(defaultAccount.Stdout).RootElement;
        var b = JsonDocument.Parse(accountB.Stdout).RootElement;
        Assert.Equal(LocalAwsOptions.DefaultAccountId, a.GetProperty("Account").GetString());
        Assert.Equal(TwoAccounts.AccountB, b.GetProperty("Account").GetString());
        Assert.Equal($"arn:aws:iam::{TwoAccounts.AccountB}:root", b.GetProperty("Arn").GetString());
    }

    [Fact]
    public async Task AwsCliNamesAnotherAccountsZoneIdNoSuchHostedZone()
    {
        await using var aws = await LocalAwsFixture.StartAsync(TwoAccounts.Configure);
        var zone = await Route53Xml.ZoneIdAsync(aws, LocalAwsSeeds.ReadyDomain + ".");

        var own = await RealClient.AwsAsAsync(aws.Endpoint, Signing.Default, "route53", "get-hosted-zone", "--id", zone);
        var other = await RealClient.AwsAsAsync(aws.Endpoint, TwoAccounts.KeyB, "route53", "get-hosted-zone", "--id", zone);

        Assert.True(own.ExitCode == 0, own.Stderr);
        Assert.NotEqual(0, other.ExitCode);
        Assert.Contains("An error occurred (NoSuchHostedZone) when calling the GetHostedZone operation", other.Stderr);
        Assert.EndsWith($": No hosted zone found with ID: {zone}", other.Stderr.Trim());
    }

    [Fact]
    public async Task Boto3AssumedRoleCredentialsWorkOnTheRoleAccountsData()
    {
        await using var aws = await LocalAwsFixture.StartAsync(TwoAccounts.Configure);
        const string script = """
            import json, sys, boto3, botocore.exceptions
            endpoint, key_b, secret_b, role_arn = sys.argv[1:5]
            def session(**kw):
                return boto3.Session(region_name='us-east-1', **kw)
            b = session(aws_access_key_id=key_b, aws_secret_access_key=secret_b)
            b.client('ses', endpoint_url=endpoint).verify_domain_identity(Domain='b-owned.test')
            b.client('route53', endpoint_url=endpoint).create_hosted_zone(Name='b-owned.test', CallerReference='b-1')
            creds = session(aws_access_key_id='test', aws_secret_access_key='test').client('sts', endpoint_url=endpoint).assume_role(
                RoleArn=role_arn, RoleSessionName='dns')['Credentials']
            role = session(aws_access_key_id=creds['AccessKeyId'], aws_secret_access_key=creds['SecretAccessKey'],
                           aws_session_token=creds['SessionToken'])
            route53 = role.client('route53', endpoint_url=endpoint)
            out = {
                'identities': role.client('ses', endpoint_url=endpoint).list_identities()['Identities'],
                'zones': [z['Name'] for z in route53.list_hosted_zones()['HostedZones']],
            }
            route53.create_hosted_zone(Name='by-role.test', CallerReference='role-1')
            out['b_zones'] = sorted(z['Name'] for z in b.client('route53', endpoint_url=endpoint).list_hosted_zones()['HostedZones'])
            default = session(aws_access_key_id='test', aws_secret_access_key='test').client('route53', endpoint_url=endpoint)
            out['default_zones'] = [z['Name'] for z in default.list_hosted_zones()['HostedZones']]
            try:
                role.client('sesv2', endpoint_url=endpoint).get_email_identity(EmailIdentity='example.com')
                out['default_identity'] = 'visible'
            except botocore.exceptions.ClientError as e:
                out['default_identity'] = e.response['Error']['Code']
            print(json.dumps(out))
            """;

        var result = await RealClient.PythonAsync(script, aws.Endpoint.ToString(), TwoAccounts.KeyB.AccessKey, TwoAccounts.KeyB.Secret, TwoAccounts.RoleB);

        Assert.True(result.ExitCode == 0, result.Stderr);
        var json = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(["b-owned.test"], Strings(json, "identities"));
        Assert.Equal(["b-owned.test."], Strings(json, "zones"));
        Assert.Equal(["b-owned.test.", "by-role.test."], Strings(json, "b_zones"));
        Assert.DoesNotContain("by-role.test.", Strings(json, "default_zones"));
        Assert.Contains(LocalAwsSeeds.ReadyDomain + ".", Strings(json, "default_zones"));
        Assert.Equal("NotFoundException", json.GetProperty("default_identity").GetString());
    }

    private static List<string> Strings(JsonElement json, string name) =>
        [.. json.GetProperty(name).EnumerateArray().Select(e => e.GetString()!)];
}
