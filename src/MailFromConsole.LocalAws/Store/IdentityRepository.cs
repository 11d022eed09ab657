using System.Text.Json.Nodes;
using MailFromConsole.Core.Ses;
using Microsoft.Data.Sqlite;

namespace MailFromConsole.LocalAws.Store;

/// <summary>SES identities per region, their verification, MAIL FROM and notification settings.</summary>
internal sealed class IdentityRepository(LocalDatabase database)
{
    private const string Columns =
        "region, identity, kind, verification_status, verification_token, verification_started_at, mail_from_domain, " +
        "behavior, mail_from_status, mail_from_started_at, forwarding_enabled, bounce_topic, complaint_topic, delivery_topic, " +
        "dkim_tokens, dkim_enabled, dkim_status, dkim_started_at, tags";

    public IdentityRecord? Find(string region, string identity) =>
        database.Read(c => Find(c, null, region, identity));

    public IReadOnlyList<IdentityRecord> FindMany(string region, IEnumerable<string> identities) =>
        database.Read(c => identities.Distinct(StringComparer.Ordinal)
            .Select(i => Find(c, null, region, i))
            .OfType<IdentityRecord>()
            .ToList());

    /// <summary>Identities of a region in name order after <paramref name="after"/>, at most <paramref name="limit"/>.</summary>
    public IReadOnlyList<IdentityRecord> Page(string region, IdentityType? type, string? after, int limit) =>
        database.Read(c => Query(c, null,
            $"SELECT {Columns} FROM identities WHERE region = $region AND ($kind IS NULL OR kind = $kind) " +
            "AND ($after IS NULL OR identity > $after) ORDER BY identity LIMIT $limit",
            ("$region", region), ("$kind", type?.ToString()), ("$after", after), ("$limit", limit)));

    public IReadOnlyList<IdentityRecord> All() =>
        database.Read(c => Query(c, null, $"SELECT {Columns} FROM identities ORDER BY region, identity"));

    /// <summary>Verified identities with a custom MAIL FROM set (what MX detection watches).</summary>
    public IReadOnlyList<IdentityRecord> WithMailFrom() =>
        database.Read(c => Query(c, null,
            $"SELECT {Columns} FROM identities WHERE mail_from_domain IS NOT NULL AND verification_status = 'Success' ORDER BY region, identity"));

    /// <summary>Domain identities whose verification is still running.</summary>
    public IReadOnlyList<IdentityRecord> DomainsVerifying() =>
        database.Read(c => Query(c, null,
            $"SELECT {Columns} FROM identities WHERE kind = 'Domain' AND verification_status IN ('Pending', 'TemporaryFailure') ORDER BY region, identity"));

    /// <summary>Domains with Easy DKIM tokens whose DKIM records SES (still) looks for.</summary>
    public IReadOnlyList<IdentityRecord> DomainsWithDkim() =>
        database.Read(c => Query(c, null,
            $"SELECT {Columns} FROM identities WHERE kind = 'Domain' AND dkim_tokens IS NOT NULL " +
            "AND dkim_status IN ('Pending', 'TemporaryFailure', 'Success') ORDER BY region, identity"));

    public IdentityRecord? FindByToken(IdentityType type, string token) =>
        database.Read(c => Query(c, null,
            $"SELECT {Columns} FROM identities WHERE verification_token = $token AND kind = $kind",
            ("$token", token), ("$kind", type.ToString())).FirstOrDefault());

    /// <summary>
    /// Reads the identity, lets <paramref name="change"/> decide its new state (null deletes it; throwing aborts), and
    /// writes it, all in one immediate transaction.
    /// </summary>
    public IdentityRecord? Mutate(string region, string identity, Func<IdentityRecord?, IdentityRecord?> change) =>
        database.Write((c, t) =>
        {
            var current = Find(c, t, region, identity);
            var next = change(current);
            if (next is null)
            {
                LocalDatabase.Execute(c, t, "DELETE FROM identities WHERE region = $region AND identity = $identity",
                    ("$region", region), ("$identity", identity));
            }
            else
            {
                Save(c, t, next);
            }

            return next;
        });

    /// <summary>Writes <paramref name="next"/> only when the stored row still equals <paramref name="expected"/>.</summary>
    public bool ReplaceIf(Func<IdentityRecord, bool> expected, string region, string identity, Func<IdentityRecord, IdentityRecord> change) =>
        database.Write((c, t) =>
        {
            var current = Find(c, t, region, identity);
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

    private static IdentityRecord? Find(SqliteConnection c, SqliteTransaction? t, string region, string identity) =>
        Query(c, t, $"SELECT {Columns} FROM identities WHERE region = $region AND identity = $identity",
            ("$region", region), ("$identity", identity)).FirstOrDefault();

    private static void Save(SqliteConnection c, SqliteTransaction t, IdentityRecord r) =>
        LocalDatabase.Execute(c, t,
            $"INSERT OR REPLACE INTO identities({Columns}) VALUES ($region, $identity, $kind, $vstatus, $token, $vstarted, " +
            "$mailfrom, $behavior, $mstatus, $mstarted, $forwarding, $bounce, $complaint, $delivery, " +
            "$dkimtokens, $dkimenabled, $dkimstatus, $dkimstarted, $tags)",
            ("$region", r.Region), ("$identity", r.Identity), ("$kind", r.Type.ToString()),
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
                Enum.Parse<IdentityType>(reader.GetString(2)),
                Enum.Parse<VerificationStatus>(reader.GetString(3)),
                reader.GetString(4),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                Enum.Parse<BehaviorOnMxFailure>(reader.GetString(7)),
                reader.IsDBNull(8) ? null : Enum.Parse<CustomMailFromStatus>(reader.GetString(8)),
                reader.IsDBNull(9) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(9)),
                reader.GetInt64(10) != 0,
                reader.IsDBNull(11) ? null : reader.GetString(11),
                reader.IsDBNull(12) ? null : reader.GetString(12),
                reader.IsDBNull(13) ? null : reader.GetString(13),
                reader.IsDBNull(14) ? [] : reader.GetString(14).Split(' '),
                reader.GetInt64(15) != 0,
                Enum.Parse<VerificationStatus>(reader.GetString(16)),
                reader.IsDBNull(17) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(17)),
                ParseTags(reader.GetString(18))));
        }

        return result;
    }

    // Tags as a JSON array of {"Key","Value"} objects: keys and values may hold any text.
    private static string TagsJson(IReadOnlyList<IdentityTag> tags) =>
        new JsonArray([.. tags.Select(t => (JsonNode)new JsonObject { ["Key"] = t.Key, ["Value"] = t.Value })]).ToJsonString();

    private static IReadOnlyList<IdentityTag> ParseTags(string json) =>
        [.. JsonNode.Parse(json)!.AsArray().Select(t => new IdentityTag((string)t!["Key"]!, (string)t["Value"]!))];
}
