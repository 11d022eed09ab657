using System.Text.Json;
using MailFromConsole.LocalAws.Tests.Support;
using Microsoft.Data.Sqlite;

namespace MailFromConsole.LocalAws.Tests;

/// <summary>A local-aws.db written by an earlier version keeps working: the new columns are added, a single-account file moves to the default account, nothing is lost.</summary>
public sealed class LocalDatabaseMigrationTests
{
    // The identities table as the first release created it (before DKIM and tags), with one verified domain.
    private const string EarlierSchema = """
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        INSERT INTO meta(key, value) VALUES ('created', '1');
        CREATE TABLE identities(
            region TEXT NOT NULL,
            identity TEXT NOT NULL,
            kind TEXT NOT NULL,
            verification_status TEXT NOT NULL,
            verification_token TEXT NOT NULL,
            verification_started_at INTEGER NOT NULL,
            mail_from_domain TEXT,
            behavior TEXT NOT NULL,
            mail_from_status TEXT,
            mail_from_started_at INTEGER,
            forwarding_enabled INTEGER NOT NULL,
            bounce_topic TEXT,
            complaint_topic TEXT,
            delivery_topic TEXT,
            PRIMARY KEY(region, identity));
        INSERT INTO identities VALUES ('us-east-1', 'old.example.com', 'Domain', 'Success', 'tok', 0,
            'mail.old.example.com', 'RejectMessage', 'Success', 0, 1, NULL, NULL, NULL);
        """;

    // The last single-account schema: every caller shared these identities, zones and changes.
    private const string SingleAccountSchema = """
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        INSERT INTO meta(key, value) VALUES ('created', '1');
        CREATE TABLE identities(
            region TEXT NOT NULL, identity TEXT NOT NULL, kind TEXT NOT NULL, verification_status TEXT NOT NULL,
            verification_token TEXT NOT NULL, verification_started_at INTEGER NOT NULL, mail_from_domain TEXT,
            behavior TEXT NOT NULL, mail_from_status TEXT, mail_from_started_at INTEGER, forwarding_enabled INTEGER NOT NULL,
            bounce_topic TEXT, complaint_topic TEXT, delivery_topic TEXT, dkim_tokens TEXT, dkim_enabled INTEGER NOT NULL DEFAULT 0,
            dkim_status TEXT NOT NULL DEFAULT 'NotStarted', dkim_started_at INTEGER, tags TEXT NOT NULL DEFAULT '[]',
            PRIMARY KEY(region, identity));
        CREATE INDEX identities_token ON identities(verification_token);
        CREATE TABLE hosted_zones(id TEXT PRIMARY KEY, name TEXT NOT NULL, caller_reference TEXT NOT NULL UNIQUE, comment TEXT, private INTEGER NOT NULL);
        CREATE TABLE record_sets(zone_id TEXT NOT NULL, name TEXT NOT NULL, type TEXT NOT NULL, ttl INTEGER NOT NULL,
            record_values TEXT NOT NULL, PRIMARY KEY(zone_id, name, type));
        CREATE TABLE zone_tags(zone_id TEXT NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY(zone_id, key));
        CREATE TABLE changes(id TEXT PRIMARY KEY, submitted_at INTEGER NOT NULL, comment TEXT);
        CREATE TABLE mailbox(id INTEGER PRIMARY KEY AUTOINCREMENT, region TEXT NOT NULL, kind TEXT NOT NULL, message_id TEXT NOT NULL,
            source TEXT NOT NULL, recipients TEXT NOT NULL, subject TEXT NOT NULL, body TEXT NOT NULL, return_path TEXT NOT NULL,
            verify_token TEXT, sent_at INTEGER NOT NULL);
        INSERT INTO identities VALUES ('us-east-1', 'old.test', 'Domain', 'Success', 'tok', 0, 'mail.old.test', 'RejectMessage',
            'Success', 0, 1, NULL, NULL, NULL, 'aaa bbb ccc', 1, 'Success', 0, '[{"Key":"team","Value":"mail"}]');
        INSERT INTO hosted_zones VALUES ('Z0LDZONE', 'old.test.', 'old-ref', 'kept', 0);
        INSERT INTO record_sets VALUES ('Z0LDZONE', 'old.test.', 'NS', 172800, '["ns-1.awsdns-01.org."]');
        INSERT INTO record_sets VALUES ('Z0LDZONE', 'mail.old.test.', 'MX', 300, '["10 feedback-smtp.us-east-1.amazonses.com"]');
        INSERT INTO zone_tags VALUES ('Z0LDZONE', 'env', 'old');
        INSERT INTO changes VALUES ('C0LDCHANGE', 0, NULL);
        """;

    [Fact]
    public async Task AnEarlierDatabaseKeepsItsIdentitiesAndGainsDkimThatSurvivesRestarts()
    {
        var folder = EarlierDatabase(EarlierSchema);

        await using var aws = await LocalAwsFixture.StartAsync(folder: folder);
        var mailFrom = await aws.SesAsync("GetIdentityMailFromDomainAttributes", ("Identities.member.1", "old.example.com"));
        var dkimBefore = await aws.SesAsync("GetIdentityDkimAttributes", ("Identities.member.1", "old.example.com"));
        var tokens = (await aws.SesAsync("VerifyDomainDkim", ("Domain", "old.example.com"))).All("member").Select(m => m.Value).ToList();
        await aws.RestartAsync();
        var dkimAfter = await aws.SesAsync("GetIdentityDkimAttributes", ("Identities.member.1", "old.example.com"));

        var attributes = mailFrom.Map("MailFromDomainAttributes")["old.example.com"];
        Assert.Equal("mail.old.example.com", attributes.Element(AwsAnswer.Ses + "MailFromDomain")?.Value);
        Assert.Equal("Success", attributes.Element(AwsAnswer.Ses + "MailFromDomainStatus")?.Value);
        Assert.Equal("NotStarted", dkimBefore.Map("DkimAttributes")["old.example.com"].Element(AwsAnswer.Ses + "DkimVerificationStatus")?.Value);
        Assert.Equal(3, tokens.Count);
        Assert.Equal(tokens, dkimAfter.Map("DkimAttributes")["old.example.com"].Descendants(AwsAnswer.Ses + "member").Select(m => m.Value));
    }

    [Fact]
    public async Task ASingleAccountDatabaseOpensWithAllItsDataInTheDefaultAccount()
    {
        var folder = EarlierDatabase(SingleAccountSchema);
        await using var aws = await LocalAwsFixture.StartAsync(TwoAccounts.Configure, folder: folder);
        await aws.RestartAsync();
        const string script = TwoAccounts.Boto3Prelude + """
            v2 = a['sesv2'].get_email_identity(EmailIdentity='old.test')
            out = {
                'identities': a['ses'].list_identities()['Identities'],
                'mail_from': a['ses'].get_identity_mail_from_domain_attributes(Identities=['old.test'])['MailFromDomainAttributes']['old.test'],
                'dkim': v2['DkimAttributes']['Tokens'],
                'tags': v2['Tags'],
                'zones': [(z['Id'], z['Name'], z['Config'].get('Comment')) for z in a['route53'].list_hosted_zones()['HostedZones']],
                'records': [(r['Name'], r['Type']) for r in a['route53'].list_resource_record_sets(HostedZoneId='Z0LDZONE')['ResourceRecordSets']],
                'zone_tags': a['route53'].list_tags_for_resource(ResourceType='hostedzone', ResourceId='Z0LDZONE')['ResourceTagSet']['Tags'],
                'change': a['route53'].get_change(Id='C0LDCHANGE')['ChangeInfo']['Id'],
                'same_ref_default': code(lambda: a['route53'].create_hosted_zone(Name='again.test', CallerReference='old-ref')),
                'b_identities': b['ses'].list_identities()['Identities'],
                'b_zone': code(lambda: b['route53'].get_hosted_zone(Id='Z0LDZONE')),
                'b_change': code(lambda: b['route53'].get_change(Id='C0LDCHANGE')),
                'same_ref_b': code(lambda: b['route53'].create_hosted_zone(Name='again.test', CallerReference='old-ref')),
            }
            print(json.dumps(out))
            """;

        var result = await RealClient.PythonAsync(script, TwoAccounts.Boto3Arguments(aws));

        Assert.True(result.ExitCode == 0, result.Stderr);
        var json = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(["old.test"], Strings(json.GetProperty("identities")));
        Assert.Equal("mail.old.test", json.GetProperty("mail_from").GetProperty("MailFromDomain").GetString());
        Assert.Equal("Success", json.GetProperty("mail_from").GetProperty("MailFromDomainStatus").GetString());
        Assert.Equal(["aaa", "bbb", "ccc"], Strings(json.GetProperty("dkim")));
        Assert.Equal("mail", json.GetProperty("tags")[0].GetProperty("Value").GetString());
        Assert.Equal("""[["/hostedzone/Z0LDZONE","old.test.","kept"]]""", json.GetProperty("zones").GetRawText().Replace(" ", "", StringComparison.Ordinal));
        Assert.Equal("""[["old.test.","NS"],["mail.old.test.","MX"]]""", json.GetProperty("records").GetRawText().Replace(" ", "", StringComparison.Ordinal));
        Assert.Equal("old", json.GetProperty("zone_tags")[0].GetProperty("Value").GetString());
        Assert.Equal("/change/C0LDCHANGE", json.GetProperty("change").GetString());
        Assert.Equal("HostedZoneAlreadyExists", json.GetProperty("same_ref_default").GetString());
        Assert.Empty(Strings(json.GetProperty("b_identities")));
        Assert.Equal("NoSuchHostedZone", json.GetProperty("b_zone").GetString());
        Assert.Equal("NoSuchChange", json.GetProperty("b_change").GetString());
        Assert.Equal("succeeded", json.GetProperty("same_ref_b").GetString());
    }

    private static string EarlierDatabase(string schema)
    {
        var folder = Path.Combine(Path.GetTempPath(), "localaws-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "local-aws.db")}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = schema;
        command.ExecuteNonQuery();
        return folder;
    }

    private static List<string> Strings(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetString()!)];
}
