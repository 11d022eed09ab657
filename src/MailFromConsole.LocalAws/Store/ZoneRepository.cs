using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace MailFromConsole.LocalAws.Store;

/// <summary>
/// Route 53 hosted zones per account, their record sets and the changes applied to them. An account sees only its
/// own zones and changes; zone and change ids are unique across accounts, so record sets and tags hang off the id.
/// </summary>
internal sealed class ZoneRepository(LocalDatabase database)
{
    private const string ZoneSelect =
        "SELECT z.account, z.id, z.name, z.caller_reference, z.comment, z.private, " +
        "(SELECT COUNT(*) FROM record_sets r WHERE r.zone_id = z.id) FROM hosted_zones z";

    /// <summary>The account's zones in creation order.</summary>
    public IReadOnlyList<ZoneRow> Zones(string accountId) =>
        database.Read(c => QueryZones(c, null, ZoneSelect + " WHERE z.account = $account ORDER BY z.seq", ("$account", accountId)));

    /// <summary>The account's zone with this id; null for a missing zone and for another account's.</summary>
    public ZoneRow? FindZone(string accountId, string id) =>
        database.Read(c => QueryZones(c, null, ZoneSelect + " WHERE z.account = $account AND z.id = $id",
            ("$account", accountId), ("$id", id)).FirstOrDefault());

    /// <summary>Names of the public zones of all accounts (what the local DNS view is authoritative for).</summary>
    public IReadOnlyList<string> PublicZoneNames() => database.Read(c =>
    {
        using var command = LocalDatabase.Command(c, null, "SELECT DISTINCT name FROM hosted_zones WHERE private = 0");
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    });

    /// <summary>
    /// The public zone the local DNS view serves for <paramref name="name"/>: of several (in one account or in
    /// several) the one created first, as only one zone of a name can be delegated from its parent.
    /// </summary>
    public ZoneRow? DelegatedZone(string name) =>
        database.Read(c => QueryZones(c, null, ZoneSelect + " WHERE z.private = 0 AND z.name = $name ORDER BY z.seq LIMIT 1",
            ("$name", name)).FirstOrDefault());

    public IReadOnlyList<RecordSetRow> RecordSets(string zoneId) => database.Read(c => QueryRecords(c, null, zoneId));

    public IReadOnlyList<RecordSetRow> RecordSetsAt(string zoneId, string name) =>
        database.Read(c => QueryRecords(c, null, zoneId, name));

    /// <summary>Creates the zone with its SOA and NS record sets in one transaction; false when the account used the caller reference before.</summary>
    public bool CreateZone(ZoneRow zone, IEnumerable<RecordSetRow> initialRecords, ChangeRow change) =>
        database.Write((c, t) =>
        {
            if (QueryZones(c, t, ZoneSelect + " WHERE z.account = $account AND z.caller_reference = $ref",
                    ("$account", zone.AccountId), ("$ref", zone.CallerReference)).Count > 0)
            {
                return false;
            }

            LocalDatabase.Execute(c, t,
                "INSERT INTO hosted_zones(account, id, name, caller_reference, comment, private) VALUES ($account, $id, $name, $ref, $comment, $private)",
                ("$account", zone.AccountId), ("$id", zone.Id), ("$name", zone.Name), ("$ref", zone.CallerReference), ("$comment", zone.Comment),
                ("$private", zone.Private ? 1 : 0));
            foreach (var record in initialRecords)
            {
                SaveRecord(c, t, zone.Id, record);
            }

            SaveChange(c, t, change);
            return true;
        });

    /// <summary>
    /// Reads the zone's record sets, lets <paramref name="apply"/> compute the new full set (throwing aborts the
    /// batch), and stores the difference plus the change, all in one immediate transaction: a batch is atomic.
    /// </summary>
    public void ApplyChange(string zoneId, Func<IReadOnlyList<RecordSetRow>, IReadOnlyList<RecordSetRow>> apply, ChangeRow change) =>
        database.Write((c, t) =>
        {
            var before = QueryRecords(c, t, zoneId);
            var after = apply(before);
            LocalDatabase.Execute(c, t, "DELETE FROM record_sets WHERE zone_id = $zone", ("$zone", zoneId));
            foreach (var record in after)
            {
                SaveRecord(c, t, zoneId, record);
            }

            SaveChange(c, t, change);
            return 0;
        });

    /// <summary>
    /// Deletes the zone, its SOA/NS and its tags and records the change, in one transaction; false (nothing
    /// deleted) while it holds other record sets, as Route 53 refuses with HostedZoneNotEmpty.
    /// </summary>
    public bool DeleteZone(ZoneRow zone, ChangeRow change) =>
        database.Write((c, t) =>
        {
            var required = QueryRecords(c, t, zone.Id).All(r => r.Name == zone.Name && r.Type is "SOA" or "NS");
            if (!required)
            {
                return false;
            }

            foreach (var table in (string[])["record_sets", "zone_tags"])
            {
                LocalDatabase.Execute(c, t, $"DELETE FROM {table} WHERE zone_id = $zone", ("$zone", zone.Id));
            }

            LocalDatabase.Execute(c, t, "DELETE FROM hosted_zones WHERE id = $zone", ("$zone", zone.Id));
            SaveChange(c, t, change);
            return true;
        });

    public void UpdateComment(string zoneId, string? comment) =>
        database.Write((c, t) =>
        {
            LocalDatabase.Execute(c, t, "UPDATE hosted_zones SET comment = $comment WHERE id = $zone", ("$zone", zoneId), ("$comment", comment));
            return 0;
        });

    /// <summary>The zone's tags ordered by key.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Tags(string zoneId) => database.Read(c =>
    {
        using var command = LocalDatabase.Command(c, null, "SELECT key, value FROM zone_tags WHERE zone_id = $zone ORDER BY key", ("$zone", zoneId));
        using var reader = command.ExecuteReader();
        var result = new List<KeyValuePair<string, string>>();
        while (reader.Read())
        {
            result.Add(new(reader.GetString(0), reader.GetString(1)));
        }

        return result;
    });

    /// <summary>Sets <paramref name="add"/> (replacing values of existing keys) and removes <paramref name="remove"/>, in one transaction.</summary>
    public void ChangeTags(string zoneId, IEnumerable<KeyValuePair<string, string>> add, IEnumerable<string> remove) =>
        database.Write((c, t) =>
        {
            foreach (var key in remove)
            {
                LocalDatabase.Execute(c, t, "DELETE FROM zone_tags WHERE zone_id = $zone AND key = $key", ("$zone", zoneId), ("$key", key));
            }

            foreach (var (key, value) in add)
            {
                LocalDatabase.Execute(c, t, "INSERT OR REPLACE INTO zone_tags(zone_id, key, value) VALUES ($zone, $key, $value)",
                    ("$zone", zoneId), ("$key", key), ("$value", value));
            }

            return 0;
        });

    /// <summary>The account's change with this id; null for a missing change and for another account's.</summary>
    public ChangeRow? FindChange(string accountId, string id) => database.Read(c =>
    {
        using var command = LocalDatabase.Command(c, null, "SELECT account, id, submitted_at, comment FROM changes WHERE account = $account AND id = $id",
            ("$account", accountId), ("$id", id));
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new ChangeRow(reader.GetString(0), reader.GetString(1), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(2)),
                reader.IsDBNull(3) ? null : reader.GetString(3))
            : null;
    });

    private static void SaveRecord(SqliteConnection c, SqliteTransaction t, string zoneId, RecordSetRow record) =>
        LocalDatabase.Execute(c, t,
            "INSERT OR REPLACE INTO record_sets(zone_id, name, type, ttl, record_values) VALUES ($zone, $name, $type, $ttl, $values)",
            ("$zone", zoneId), ("$name", record.Name), ("$type", record.Type), ("$ttl", record.Ttl),
            ("$values", JsonSerializer.Serialize(record.Values)));

    private static void SaveChange(SqliteConnection c, SqliteTransaction t, ChangeRow change) =>
        LocalDatabase.Execute(c, t, "INSERT INTO changes(account, id, submitted_at, comment) VALUES ($account, $id, $at, $comment)",
            ("$account", change.AccountId), ("$id", change.Id), ("$at", change.SubmittedAt.ToUnixTimeMilliseconds()), ("$comment", change.Comment));

    private static List<ZoneRow> QueryZones(SqliteConnection c, SqliteTransaction? t, string sql, params (string, object?)[] parameters)
    {
        using var command = LocalDatabase.Command(c, t, sql, parameters);
        using var reader = command.ExecuteReader();
        var result = new List<ZoneRow>();
        while (reader.Read())
        {
            result.Add(new ZoneRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetInt64(5) != 0, reader.GetInt64(6)));
        }

        return result;
    }

    private static List<RecordSetRow> QueryRecords(SqliteConnection c, SqliteTransaction? t, string zoneId, string? name = null)
    {
        using var command = LocalDatabase.Command(c, t,
            "SELECT name, type, ttl, record_values FROM record_sets WHERE zone_id = $zone AND ($name IS NULL OR name = $name)",
            ("$zone", zoneId), ("$name", name));
        using var reader = command.ExecuteReader();
        var result = new List<RecordSetRow>();
        while (reader.Read())
        {
            result.Add(new RecordSetRow(reader.GetString(0), reader.GetString(1), reader.GetInt64(2),
                JsonSerializer.Deserialize<List<string>>(reader.GetString(3)) ?? []));
        }

        return result;
    }
}
