using MailFromConsole.LocalAws.Tests.Support;
using Microsoft.Data.Sqlite;

namespace MailFromConsole.LocalAws.Tests;

/// <summary>A local-aws.db written by an earlier version keeps working: the new columns are added, nothing is lost.</summary>
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

    [Fact]
    public async Task AnEarlierDatabaseKeepsItsIdentitiesAndGainsDkimThatSurvivesRestarts()
    {
        var folder = Path.Combine(Path.GetTempPath(), "localaws-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "local-aws.db")}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = EarlierSchema;
            command.ExecuteNonQuery();
        }

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
}
