using System.Text.Json;
using MailFromConsole.LocalAws.Tests.Support;

namespace MailFromConsole.LocalAws.Tests;

/// <summary>The real aws CLI and boto3 (Debian packages) against the local endpoint: signing, shapes and errors as AWS.</summary>
public sealed class RealClientTests
{
    [Fact]
    public async Task AwsCliSetsAndReadsTheMailFromDomainOfTheDocsExample()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        var set = await RealClient.AwsAsync(aws.Endpoint, "ses", "set-identity-mail-from-domain", "--identity", "example.com",
            "--mail-from-domain", "mail.example.com", "--behavior-on-mx-failure", "RejectMessage");
        var get = await RealClient.AwsAsync(aws.Endpoint, "ses", "get-identity-mail-from-domain-attributes", "--identities", "example.com");

        Assert.True(set.ExitCode == 0, set.Stderr);
        Assert.True(get.ExitCode == 0, get.Stderr);
        var attributes = JsonDocument.Parse(get.Stdout).RootElement.GetProperty("MailFromDomainAttributes").GetProperty("example.com");
        Assert.Equal("mail.example.com", attributes.GetProperty("MailFromDomain").GetString());
        Assert.Equal("Pending", attributes.GetProperty("MailFromDomainStatus").GetString());
        Assert.Equal("RejectMessage", attributes.GetProperty("BehaviorOnMXFailure").GetString());
    }

    [Fact]
    public async Task AwsCliShowsTheSesErrorCodeAndMessage()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        var result = await RealClient.AwsAsync(aws.Endpoint, "ses", "set-identity-mail-from-domain", "--identity", "example.com",
            "--mail-from-domain", "mail.example.org");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("(InvalidParameterValue)", result.Stderr);
        Assert.Contains("Provided MAIL-FROM domain <mail.example.org> is not subdomain of the domain of the identity <example.com>.", result.Stderr);
    }

    [Fact]
    public async Task AwsCliSetsUpEasyDkimAndReadsItsTokensBack()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        var verify = await RealClient.AwsAsync(aws.Endpoint, "ses", "verify-domain-dkim", "--domain", "example.com");
        var disable = await RealClient.AwsAsync(aws.Endpoint, "ses", "set-identity-dkim-enabled", "--identity", "example.com", "--no-dkim-enabled");
        var get = await RealClient.AwsAsync(aws.Endpoint, "ses", "get-identity-dkim-attributes", "--identities", "example.com", "spf-conflict.test");

        Assert.True(verify.ExitCode == 0, verify.Stderr);
        Assert.True(disable.ExitCode == 0, disable.Stderr);
        Assert.True(get.ExitCode == 0, get.Stderr);
        var tokens = JsonDocument.Parse(verify.Stdout).RootElement.GetProperty("DkimTokens").EnumerateArray().Select(t => t.GetString()).ToList();
        var attributes = JsonDocument.Parse(get.Stdout).RootElement.GetProperty("DkimAttributes");
        Assert.Equal(3, tokens.Count);
        Assert.Equal(tokens, attributes.GetProperty("example.com").GetProperty("DkimTokens").EnumerateArray().Select(t => t.GetString()));
        Assert.False(attributes.GetProperty("example.com").GetProperty("DkimEnabled").GetBoolean());
        Assert.Equal("Pending", attributes.GetProperty("example.com").GetProperty("DkimVerificationStatus").GetString());
        Assert.Equal("NotStarted", attributes.GetProperty("spf-conflict.test").GetProperty("DkimVerificationStatus").GetString());
    }

    [Fact]
    public async Task AwsCliWithAWrongSecretGetsSignatureDoesNotMatch()
    {
        await using var aws = await LocalAwsFixture.StartAsync(o => o.SecretAccessKey = "another-secret");

        var result = await RealClient.AwsAsync(aws.Endpoint, "ses", "list-identities");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("(SignatureDoesNotMatch)", result.Stderr);
    }

    [Fact]
    public async Task AwsCliListsHostedZonesByNameInRoute53Order()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        var result = await RealClient.AwsAsync(aws.Endpoint, "route53", "list-hosted-zones-by-name", "--dns-name", "example.com");

        Assert.True(result.ExitCode == 0, result.Stderr);
        var names = JsonDocument.Parse(result.Stdout).RootElement.GetProperty("HostedZones").EnumerateArray()
            .Select(z => z.GetProperty("Name").GetString()).ToList();
        Assert.Equal(["example.com.", "example.net.", "pending.test.", "spf-conflict.test.", "two-mx.test."], names);
    }

    [Fact]
    public async Task AwsCliPublishesMailFromRecordsAndReportsABadChangeBatch()
    {
        await using var aws = await LocalAwsFixture.StartAsync();
        var zones = await RealClient.AwsAsync(aws.Endpoint, "route53", "list-hosted-zones-by-name", "--dns-name", "example.com", "--max-items", "1");
        var zoneId = JsonDocument.Parse(zones.Stdout).RootElement.GetProperty("HostedZones")[0].GetProperty("Id").GetString()!;
        const string batch = """
            {"Changes":[
              {"Action":"CREATE","ResourceRecordSet":{"Name":"mail.example.com","Type":"MX","TTL":300,"ResourceRecords":[{"Value":"10 feedback-smtp.us-east-1.amazonses.com"}]}},
              {"Action":"CREATE","ResourceRecordSet":{"Name":"mail.example.com","Type":"TXT","TTL":300,"ResourceRecords":[{"Value":"\"v=spf1 include:amazonses.com ~all\""}]}}
            ]}
            """;

        var change = await RealClient.AwsAsync(aws.Endpoint, "route53", "change-resource-record-sets", "--hosted-zone-id", zoneId, "--change-batch", batch);
        var again = await RealClient.AwsAsync(aws.Endpoint, "route53", "change-resource-record-sets", "--hosted-zone-id", zoneId, "--change-batch", batch);
        var status = await RealClient.AwsAsync(aws.Endpoint, "route53", "get-change", "--id",
            JsonDocument.Parse(change.Stdout).RootElement.GetProperty("ChangeInfo").GetProperty("Id").GetString()!);

        Assert.True(change.ExitCode == 0, change.Stderr);
        Assert.Equal("PENDING", JsonDocument.Parse(status.Stdout).RootElement.GetProperty("ChangeInfo").GetProperty("Status").GetString());
        Assert.NotEqual(0, again.ExitCode);
        Assert.Contains("(InvalidChangeBatch)", again.Stderr);
        Assert.Contains("Tried to create resource record set [name='mail.example.com.', type='MX'] but it already exists", again.Stderr);
        var records = aws.Server.ZoneData.RecordsAt("example.com.", "mail.example.com.");
        Assert.Contains(records, r => r.Type == "TXT" && r.Value == "v=spf1 include:amazonses.com ~all");
    }

    [Fact]
    public async Task Boto3RunsTheDocsExampleAndSeesAwsShapedAnswers()
    {
        await using var aws = await LocalAwsFixture.StartAsync();
        const string script = """
            import json, sys, boto3, botocore.exceptions
            endpoint = sys.argv[1]
            ses = boto3.client('ses', endpoint_url=endpoint)
            r53 = boto3.client('route53', endpoint_url=endpoint)
            out = {}
            ses.set_identity_mail_from_domain(Identity='example.com', MailFromDomain='mail.example.com', BehaviorOnMXFailure='RejectMessage')
            out['attributes'] = ses.get_identity_mail_from_domain_attributes(Identities=['example.com', 'user@example.com'])['MailFromDomainAttributes']
            out['identities'] = ses.list_identities(IdentityType='Domain', MaxItems=2)
            out['identities'].pop('ResponseMetadata')
            try:
                ses.send_email(Source='user@example.com', Destination={'ToAddresses': ['someone@example.net']},
                               Message={'Subject': {'Data': 'hi'}, 'Body': {'Text': {'Data': 'hello'}}})
                out['send'] = 'sent'
            except botocore.exceptions.ClientError as e:
                out['send'] = e.response['Error']['Code']
            zone = r53.list_hosted_zones_by_name(DNSName='example.com', MaxItems='1')['HostedZones'][0]
            out['zone'] = zone['Name']
            out['rrsets'] = [(s['Name'], s['Type']) for s in r53.list_resource_record_sets(HostedZoneId=zone['Id'])['ResourceRecordSets']]
            print(json.dumps(out))
            """;

        var result = await RealClient.PythonAsync(script, aws.Endpoint.ToString());

        Assert.True(result.ExitCode == 0, result.Stderr);
        var json = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal("Pending", json.GetProperty("attributes").GetProperty("example.com").GetProperty("MailFromDomainStatus").GetString());
        Assert.Equal("UseDefaultValue", json.GetProperty("attributes").GetProperty("user@example.com").GetProperty("BehaviorOnMXFailure").GetString());
        Assert.Equal(2, json.GetProperty("identities").GetProperty("Identities").GetArrayLength());
        Assert.True(json.GetProperty("identities").TryGetProperty("NextToken", out _));
        Assert.Equal("MailFromDomainNotVerifiedException", json.GetProperty("send").GetString());
        Assert.Equal("example.com.", json.GetProperty("zone").GetString());
        Assert.Contains(json.GetProperty("rrsets").EnumerateArray(), s => s[0].GetString() == "_amazonses.example.com." && s[1].GetString() == "TXT");
    }
}
