using MailFromConsole.Core.Route53;
using MailFromConsole.LocalAws.Dns;
using MailFromConsole.LocalAws.Store;
using Microsoft.Data.Sqlite;

namespace MailFromConsole.LocalAws.OutsideDns;

/// <summary>
/// Zones that stand for a DNS provider other than this account's Route 53, kept in their own tables of the local
/// AWS SQLite file. Edited by hand (page or JSON API); served by the local DNS server through <see cref="IZoneData"/>.
/// </summary>
public sealed class OutsideZoneStore : IZoneData
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS outside_zones(
            apex TEXT PRIMARY KEY,
            created_at INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS outside_records(
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            zone_apex TEXT NOT NULL,
            name TEXT NOT NULL,
            type TEXT NOT NULL,
            ttl INTEGER NOT NULL,
            value TEXT NOT NULL,
            UNIQUE(zone_apex, name, type, value));
        CREATE INDEX IF NOT EXISTS outside_records_by_name ON outside_records(zone_apex, name);
        """;

    private readonly SqliteFile _file;
    private readonly TimeProvider _time;

    /// <param name="databasePath">The SQLite file (the local AWS store's, e.g. <c>&lt;DataFolder&gt;/local-aws.db</c>); created when missing.</param>
    public OutsideZoneStore(string databasePath, TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _file = new SqliteFile(databasePath);
        _file.CreateSchema(Schema);
    }

    /// <summary>Adds a zone (no-op when it exists). Returns its canonical apex.</summary>
    public string AddZone(string apex)
    {
        var canonical = OutsideRecordInput.Apex(apex);
        _file.Write((c, t) => SqliteFile.Execute(c, t, "INSERT OR IGNORE INTO outside_zones(apex, created_at) VALUES ($apex, $at)",
            ("$apex", canonical), ("$at", _time.GetUtcNow().ToUnixTimeSeconds())));
        return canonical;
    }

    /// <summary>Removes a zone and all its records; false when there was no such zone.</summary>
    public bool DeleteZone(string apex)
    {
        var canonical = DnsNames.Canonical(apex);
        return _file.Write((c, t) =>
        {
            SqliteFile.Execute(c, t, "DELETE FROM outside_records WHERE zone_apex = $apex", ("$apex", canonical));
            return SqliteFile.Execute(c, t, "DELETE FROM outside_zones WHERE apex = $apex", ("$apex", canonical)) == 1;
        });
    }

    /// <summary>Adds one record as a user would at a DNS provider; refuses bad input with <see cref="OutsideDnsException"/>.</summary>
    public OutsideRecord AddRecord(string zoneApex, string? name, string? type, string? value, long? ttl = null)
    {
        var apex = DnsNames.Canonical(zoneApex);
        var canonicalType = OutsideRecordInput.Type(type);
        var canonicalName = OutsideRecordInput.Name(name, apex);
        var canonicalValue = OutsideRecordInput.Value(canonicalType, value);
        var canonicalTtl = OutsideRecordInput.Ttl(ttl);
        if (canonicalType == "CNAME" && canonicalName == apex)
        {
            throw new OutsideDnsException("A CNAME cannot be at the zone apex.");
        }

        return _file.Write((c, t) =>
        {
            if (SqliteFile.Scalar<long>(c, t, "SELECT COUNT(*) FROM outside_zones WHERE apex = $apex", ("$apex", apex)) == 0)
            {
                throw new OutsideDnsException($"There is no outside zone {apex}.");
            }

            var existingTypes = new List<string>();
            using (var command = SqliteFile.Command(c, t, "SELECT type, value FROM outside_records WHERE zone_apex = $apex AND name = $name", ("$apex", apex), ("$name", canonicalName)))
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    if (reader.GetString(0) == canonicalType && reader.GetString(1) == canonicalValue)
                    {
                        throw new OutsideDnsException($"{canonicalName} already has this {canonicalType} record.");
                    }

                    existingTypes.Add(reader.GetString(0));
                }
            }

            if ((canonicalType == "CNAME" && existingTypes.Count > 0) || existingTypes.Contains("CNAME"))
            {
                throw new OutsideDnsException($"{canonicalName} cannot have a CNAME and other records at the same time.");
            }

            var id = SqliteFile.Scalar<long>(c, t,
                "INSERT INTO outside_records(zone_apex, name, type, ttl, value) VALUES ($apex, $name, $type, $ttl, $value) RETURNING id",
                ("$apex", apex), ("$name", canonicalName), ("$type", canonicalType), ("$ttl", canonicalTtl), ("$value", canonicalValue));
            return new OutsideRecord(id, apex, canonicalName, canonicalType, canonicalTtl, canonicalValue);
        });
    }

    /// <summary>False when there was no such record.</summary>
    public bool DeleteRecord(long id) =>
        _file.Write((c, t) => SqliteFile.Execute(c, t, "DELETE FROM outside_records WHERE id = $id", ("$id", id)) == 1);

    /// <summary>Every zone with its records, ordered by apex, then name, type and value.</summary>
    public IReadOnlyList<OutsideZone> List()
    {
        using var connection = _file.Open();
        var records = ReadRecords(connection, "SELECT id, zone_apex, name, type, ttl, value FROM outside_records ORDER BY zone_apex, name, type, value");
        return [.. ReadStrings(connection, "SELECT apex FROM outside_zones ORDER BY apex")
            .Select(apex => new OutsideZone(apex, [.. records.Where(r => r.ZoneApex == apex)]))];
    }

    public IReadOnlyList<string> ZoneApexes()
    {
        using var connection = _file.Open();
        return ReadStrings(connection, "SELECT apex FROM outside_zones");
    }

    public IReadOnlyList<ZoneRecord> RecordsAt(string zoneApex, string name)
    {
        using var connection = _file.Open();
        return [.. ReadRecords(connection, "SELECT id, zone_apex, name, type, ttl, value FROM outside_records WHERE zone_apex = $apex AND name = $name ORDER BY id",
                ("$apex", DnsNames.Canonical(zoneApex)), ("$name", DnsNames.Canonical(name)))
            .Select(r => new ZoneRecord(r.Name, r.Type, r.Ttl, r.Value))];
    }

    public bool HasRecordsBelow(string zoneApex, string name)
    {
        // Suffix compare with substr, not LIKE: '_' in names such as _amazonses would be a LIKE wildcard.
        var suffix = "." + DnsNames.Canonical(name);
        using var connection = _file.Open();
        return SqliteFile.Scalar<long>(connection, null,
            "SELECT EXISTS(SELECT 1 FROM outside_records WHERE zone_apex = $apex AND length(name) > length($suffix) AND substr(name, -length($suffix)) = $suffix)",
            ("$apex", DnsNames.Canonical(zoneApex)), ("$suffix", suffix)) == 1;
    }

    private static List<string> ReadStrings(SqliteConnection connection, string sql)
    {
        using var command = SqliteFile.Command(connection, null, sql);
        using var reader = command.ExecuteReader();
        var result = new List<string>();
        while (reader.Read())
        {
            result.Add(reader.GetString(0));
        }

        return result;
    }

    private static List<OutsideRecord> ReadRecords(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = SqliteFile.Command(connection, null, sql, parameters);
        using var reader = command.ExecuteReader();
        var result = new List<OutsideRecord>();
        while (reader.Read())
        {
            result.Add(new OutsideRecord(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4), reader.GetString(5)));
        }

        return result;
    }
}
