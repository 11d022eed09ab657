using System.Text.Json;
using MailFromConsole.LocalAws.Tests.Support;

namespace MailFromConsole.LocalAws.Tests;

/// <summary>The real <c>aws sesv2</c> CLI and boto3's <c>sesv2</c> client against the local SES API v2.</summary>
public sealed class SesV2RealClientTests
{
    [Fact]
    public async Task AwsCliCreatesReadsListsSetsMailFromAndDeletesAnIdentity()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        var create = await RealClient.AwsAsync(aws.Endpoint, "sesv2", "create-email-identity", "--email-identity", "cli.example.com",
            "--tags", "Key=team,Value=mail");
        var mailFrom = await RealClient.AwsAsync(aws.Endpoint, "sesv2", "put-email-identity-mail-from-attributes", "--email-identity", "cli.example.com",
            "--mail-from-domain", "bounce.cli.example.com", "--behavior-on-mx-failure", "REJECT_MESSAGE");
        var get = await RealClient.AwsAsync(aws.Endpoint, "sesv2", "get-email-identity", "--email-identity", "cli.example.com");
        var list = await RealClient.AwsAsync(aws.Endpoint, "sesv2", "list-email-identities", "--page-size", "2");
        var v1 = await RealClient.AwsAsync(aws.Endpoint, "ses", "get-identity-dkim-attributes", "--identities", "cli.example.com");
        var delete = await RealClient.AwsAsync(aws.Endpoint, "sesv2", "delete-email-identity", "--email-identity", "cli.example.com");
        var gone = await RealClient.AwsAsync(aws.Endpoint, "sesv2", "get-email-identity", "--email-identity", "cli.example.com");

        Assert.True(create.ExitCode == 0, create.Stderr);
        Assert.True(mailFrom.ExitCode == 0, mailFrom.Stderr);
        Assert.True(get.ExitCode == 0, get.Stderr);
        Assert.True(list.ExitCode == 0, list.Stderr);
        Assert.True(delete.ExitCode == 0, delete.Stderr);
        var created = JsonDocument.Parse(create.Stdout).RootElement;
        var identity = JsonDocument.Parse(get.Stdout).RootElement;
        Assert.Equal("DOMAIN", created.GetProperty("IdentityType").GetString());
        var tokens = identity.GetProperty("DkimAttributes").GetProperty("Tokens").EnumerateArray().Select(t => t.GetString()).ToList();
        Assert.Equal(3, tokens.Count);
        Assert.Equal(tokens, JsonDocument.Parse(v1.Stdout).RootElement.GetProperty("DkimAttributes").GetProperty("cli.example.com")
            .GetProperty("DkimTokens").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("bounce.cli.example.com", identity.GetProperty("MailFromAttributes").GetProperty("MailFromDomain").GetString());
        Assert.Equal("PENDING", identity.GetProperty("MailFromAttributes").GetProperty("MailFromDomainStatus").GetString());
        Assert.Equal("REJECT_MESSAGE", identity.GetProperty("MailFromAttributes").GetProperty("BehaviorOnMxFailure").GetString());
        Assert.Equal("mail", identity.GetProperty("Tags")[0].GetProperty("Value").GetString());
        // The CLI pages through everything by itself; the seeded identities and the new one are all there.
        Assert.Contains(JsonDocument.Parse(list.Stdout).RootElement.GetProperty("EmailIdentities").EnumerateArray(),
            i => i.GetProperty("IdentityName").GetString() == "cli.example.com");
        Assert.NotEqual(0, gone.ExitCode);
        Assert.Contains("(NotFoundException)", gone.Stderr);
    }

    [Fact]
    public async Task AwsCliShowsV2ErrorCodesAndMessages()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        var exists = await RealClient.AwsAsync(aws.Endpoint, "sesv2", "create-email-identity", "--email-identity", "example.com");
        var notSubdomain = await RealClient.AwsAsync(aws.Endpoint, "sesv2", "put-email-identity-mail-from-attributes", "--email-identity", "example.com",
            "--mail-from-domain", "mail.example.org");

        Assert.NotEqual(0, exists.ExitCode);
        Assert.Contains("(AlreadyExistsException)", exists.Stderr);
        Assert.Contains("Email identity example.com already exist.", exists.Stderr);
        Assert.Contains("(BadRequestException)", notSubdomain.Stderr);
        Assert.Contains("Provided MAIL-FROM domain <mail.example.org> is not subdomain of the domain of the identity <example.com>.", notSubdomain.Stderr);
    }

    [Fact]
    public async Task Boto3Sesv2SeesTheSameIdentitiesAsSesAndParsesErrors()
    {
        await using var aws = await LocalAwsFixture.StartAsync();
        const string script = """
            import json, sys, boto3, botocore.exceptions
            endpoint = sys.argv[1]
            v2 = boto3.client('sesv2', endpoint_url=endpoint)
            v1 = boto3.client('ses', endpoint_url=endpoint)
            out = {}
            def code(call):
                try:
                    call()
                    return None
                except botocore.exceptions.ClientError as e:
                    return [e.response['Error']['Code'], e.response['Error']['Message'], e.response['ResponseMetadata']['HTTPStatusCode']]
            v1.verify_email_identity(EmailAddress='boto@example.net')
            created = v2.create_email_identity(EmailIdentity='boto.example.com', Tags=[{'Key': 'k', 'Value': 'v'}])
            out['created'] = [created['IdentityType'], created['VerifiedForSendingStatus'], len(created['DkimAttributes']['Tokens'])]
            out['v1_domains'] = v1.list_identities(IdentityType='Domain')['Identities']
            names, token = [], None
            while True:
                page = v2.list_email_identities(PageSize=4, **({'NextToken': token} if token else {}))
                names += [i['IdentityName'] for i in page['EmailIdentities']]
                token = page.get('NextToken')
                if not token:
                    break
            out['v2_names'] = names
            out['address'] = v2.get_email_identity(EmailIdentity='boto@example.net')['VerificationStatus']
            v2.put_email_identity_mail_from_attributes(EmailIdentity='example.com', MailFromDomain='mail.example.com', BehaviorOnMxFailure='USE_DEFAULT_VALUE')
            out['v1_mail_from'] = v1.get_identity_mail_from_domain_attributes(Identities=['example.com'])['MailFromDomainAttributes']['example.com']
            arn = 'arn:aws:ses:us-east-1:000000000000:identity/boto.example.com'
            v2.tag_resource(ResourceArn=arn, Tags=[{'Key': 'k2', 'Value': 'v2'}])
            v2.untag_resource(ResourceArn=arn, TagKeys=['k'])
            out['tags'] = v2.list_tags_for_resource(ResourceArn=arn)['Tags']
            out['errors'] = {
                'exists': code(lambda: v2.create_email_identity(EmailIdentity='example.com')),
                'missing': code(lambda: v2.get_email_identity(EmailIdentity='nobody.test')),
                'bad': code(lambda: v2.put_email_identity_mail_from_attributes(EmailIdentity='example.com', MailFromDomain='example.org')),
            }
            print(json.dumps(out))
            """;

        var result = await RealClient.PythonAsync(script, aws.Endpoint.ToString());

        Assert.True(result.ExitCode == 0, result.Stderr);
        var json = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal("""["DOMAIN", false, 3]""", json.GetProperty("created").GetRawText());
        Assert.Contains("boto.example.com", json.GetProperty("v1_domains").EnumerateArray().Select(e => e.GetString()));
        var v2Names = json.GetProperty("v2_names").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("boto@example.net", v2Names);
        Assert.Contains("boto.example.com", v2Names);
        Assert.Equal(v2Names.Count, v2Names.Distinct().Count());
        Assert.Equal("PENDING", json.GetProperty("address").GetString());
        Assert.Equal("mail.example.com", json.GetProperty("v1_mail_from").GetProperty("MailFromDomain").GetString());
        Assert.Equal("UseDefaultValue", json.GetProperty("v1_mail_from").GetProperty("BehaviorOnMXFailure").GetString());
        Assert.Equal("""[{"Key": "k2", "Value": "v2"}]""", json.GetProperty("tags").GetRawText());
        var errors = json.GetProperty("errors");
        Assert.Equal("""["AlreadyExistsException", "Email identity example.com already exist.", 400]""", errors.GetProperty("exists").GetRawText());
        Assert.Equal("NotFoundException", errors.GetProperty("missing")[0].GetString());
        Assert.Equal(404, errors.GetProperty("missing")[2].GetInt32());
        Assert.Equal("BadRequestException", errors.GetProperty("bad")[0].GetString());
    }
}
