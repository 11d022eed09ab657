using System.Text.Json.Nodes;
using MailFromConsole.Core.Ses;
using Microsoft.Data.Sqlite;

namespace MailFromConsole.LocalAws.Store;

/// <summary>SES identities per account and region, their verification, MAIL FROM and notification settings.</summary>
internal sealed class IdentityRepository(LocalDatabase database)
{
    private const string Columns =
        "account, region, identity, kind, verification_status, verification_token, verification_started_at, mail_from_domain, " +
        "behavior, mail_from_status, mail_from_started_at, forwarding_enabled, bounce_topic, complaint_topic, delivery_topic, " +
        "dkim_tokens, dkim_enabled, dkim_status, dkim_started_at, tags";

    public IdentityRecord? Find(SesScope scope, string identity) =>
        database.Read(c => Find(c, null, scope, identity));

    public IReadOnlyList<IdentityRecord> FindMany(SesScope scope, IEnumerable<string> identities) =>
        database.Read(c => identities.Distinct(StringComparer.Ordinal)
            .Select(i => Find(c, null, scope, i))
            .OfType<IdentityRecord>()
            .ToList());

    /// <summary>Identities of an account's region in name order after <paramref name="after"/>, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<IdentityRecord> Page(SesScope scope, IdentityType? type, string? after, int limit) =>
        database.Read(c => Query(c, null,
            $"SELECT {Columns} FROM identities WHERE account = $account AND region = $region AND ($kind IS NULL OR kind = $kind) " +
            "AND ($after IS NULL OR identity > $after) ORDER BY identity LIMIT $limit",
            ("$account", scope.AccountId), ("$region", scope.Region), ("$kind", type?.ToString()), ("$after", after), ("$limit", limit)));

    /// <summary>Verified identities with a custom MAIL FROM set, in every account (what MX detection watches).</summary>
    public IReadOnlyList<IdentityRecord> WithMailFrom() =>
        database.Read(c => Query(c, null,
            $"SELECT {Columns} FROM identities WHERE mail_from_domain IS NOT NULL AND verification_status = 'Success' ORDER BY account, region, identity"));

    /// <summary>Domain identities whose verification is still running.</summary>
    public IReadOnlyList<IdentityRecord> DomainsVerifying() =>
        database.Read(c => Query(c, null,
            $"SELECT {Columns} FROM identities WHERE kind = 'Domain' AND verification_status IN ('Pending', 'TemporaryFailure') ORDER BY account, region, identity"));

    /// <summary>Domains with Easy DKIM tokens whose DKIM records SES (still) looks for.</summary>
    public IReadOnlyList<IdentityRecord> DomainsWithDkim() =>
        database.Read(c => Query(c, null,
            $"SELECT {Columns} FROM identities WHERE kind = 'Domain' AND dkim_tokens IS NOT NULL " +
            "AND dkim_status IN ('Pending', 'TemporaryFailure', 'Success') ORDER BY account, region, identity"));

    /// <summary>The identity (of any account) whose verification secret this is.</summary>
    public IdentityRecord? FindByToken(IdentityType type, string token) =>
        database.Read(c => Query(c, null,
            $"SELECT {Columns} FROM identities WHERE verification_token = $token AND kind = $kind",
            ("$token", token), ("$kind", type.ToString())).FirstOrDefault());

    /// <summary>
    /// Reads the identity, lets <paramref name="change"/> decide its new state (null deletes it; throwing aborts), and
    /// writes it, all in one immediate transaction.
    /// </summary>
    public IdentityRecord? Mutate(SesScope scope, string identity, Func<IdentityRecord?, IdentityRecord?> change) =>
        database.Write((c, t) =>
        {
            var current = Find(c, t, scope, identity);
            var next = change(current);
            if (next is null)
            {
                LocalDatabase.Execute(c, t, "DELETE FROM identities WHERE account = $account AND region = $region AND identity = $identity",
                    ("$account", scope.AccountId), ("$region", scope.Region), ("$identity", identity));
            }
            else
            {
                Save(c, t, next);
            }

            return next;
        });

    /// <summary>Writes <paramref name="next"/> only when the stored row still equals <paramref name="expected"/>.</summary>
    public bool ReplaceIf(Func<IdentityRecord, bool> expected, SesScope scope, string identity, Func<IdentityRecord, IdentityRecord> change) =>
        database.Write((c, t) =>
        {
            var current = Find(c, t, scope, identity);
            if (current is null || !expected(current))
            {
                return false;
            }

            Save(c, t, change(current));
            return true;
        });

    public void Insert(IdentityRecord record) => InsertMany([record]);

    /// <summary>Adds or replaces many identities in one transaction (bulk seeding for benchmarks and tests).</summary>
    public void InsertMany(IEnumerable<IdentityRecord> records) => database.Write((c, t) =>
    {
        foreach (var record in records)
        {
            Save(c, t, record);
        }

        return 0;
    });

    private static IdentityRecord? Find(SqliteConnection c, SqliteTransaction? t, SesScope scope, string identity) =>
        Query(c, t, $"SELECT {Columns} FROM identities WHERE account = $account AND region = $region AND identity = $identity",
            ("$account", scope.AccountId), ("$region", scope.Region), ("$identity", identity)).FirstOrDefault();

    private static void Save(SqliteConnection c, SqliteTransaction t, IdentityRecord r) =>
        LocalDatabase.Execute(c, t,
            $"INSERT OR REPLACE INTO identities({Columns}) VALUES ($account, $region, $identity, $kind, $vstatus, $token, $vstarted, " +
            "$mailfrom, $behavior, $mstatus, $mstarted, $forwarding, $bounce, $complaint, $delivery, " +
            "$dkimtokens, $dkimenabled, $dkimstatus, $dkimstarted, $tags)",
            ("$account", r.AccountId), ("$region", r.Region), ("$identity", r.Identity), ("$kind", r.Type.ToString()),
            ("$vstatus", r.VerificationStatus.ToString()), ("$token", r.VerificationToken),
            ("$vstarted", r.VerificationStartedAt.ToUnixTimeMilliseconds()), ("$mailfrom", r.MailFromDomain),
            ("$behavior", r.Behavior.ToString()), ("$mstatus", r.MailFromStatus?.ToString()),
            ("$mstarted", r.MailFromStartedAt?.ToUnixTimeMilliseconds()), ("$forwarding", r.ForwardingEnabled ? 1 : 0),
            ("$bounce", r.BounceTopic), ("$complaint", r.ComplaintTopic), ("$delivery", r.DeliveryTopic),
            ("$dkimtokens", r.DkimTokens.Count == 0 ? null : string.Join(' ', r.DkimTokens)), ("$dkimenabled", r.DkimEnabled ? 1 : 0),
            ("$dkimstatus", r.DkimStatus.ToString()), ("$dkimstarted", r.DkimStartedAt?.ToUnixTimeMilliseconds()),
            ("$tags", TagsJson(r.Tags)));

    private static List<IdentityRecord> Query(SqliteConnection c, SqliteTransaction? t, string sql, params (string, object?)[] parameters)
    {
        using var command = LocalDatabase.Command(c, t, sql, parameters);
        using var reader = command.ExecuteReader();
        var result = new List<IdentityRecord>();
        while (reader.Read())
        {
            result.Add(new IdentityRecord(
                reader.GetString(0),
                reader.GetString(1),
                reader.GetString(2),
                Enum.Parse<IdentityType>(reader.GetString(3)),
                Enum.Parse<VerificationStatus>(reader.GetString(4)),
                reader.GetString(5),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                Enum.Parse<BehaviorOnMxFailure>(reader.GetString(8)),
                reader.IsDBNull(9) ? null : Enum.Parse<CustomMailFromStatus>(reader.GetString(9)),
                reader.IsDBNull(10) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(10)),
                reader.GetInt64(11) != 0,
                reader.IsDBNull(12) ? null : reader.GetString(12),
                reader.IsDBNull(13) ? null : reader.GetString(13),
                reader.IsDBNull(14) ? null : reader.GetString(14),
                reader.IsDBNull(15) ? [] : reader.GetString(15).Split(' '),
                reader.GetInt64(16) != 0,
                Enum.Parse<VerificationStatus>(reader.GetString(17)),
                reader.IsDBNull(18) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(18)),
                ParseTags(reader.GetString(19))));
        }

        return result;
    }

    // Tags as a JSON array of {"Key","Value"} objects: keys and values may hold any text.
    private static string TagsJson(IReadOnlyList<IdentityTag> tags) =>
        new JsonArray([.. tags.Select(t => (JsonNode)new JsonObject { ["Key"] = t.Key, ["Value"] = t.Value })]).ToJsonString();

    private static IReadOnlyList<IdentityTag> ParseTags(string json) =>
        [.. JsonNode.Parse(json)!.AsArray().Select(t => new IdentityTag((string)t!["Key"]!, (string)t["Value"]!))];
}
