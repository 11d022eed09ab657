using MailFromConsole.LocalAws.Dns;
using MailFromConsole.LocalAws.Route53;

namespace MailFromConsole.LocalAws.Store;

/// <summary>
/// The public Route 53 hosted zones of all local accounts as the local DNS view serves them, read fresh on every
/// query. Where several zones share a name (in one account or in several), the one created first answers: only one
/// zone of a name can be delegated from its parent, and the rule keeps detection deterministic (see the README).
/// </summary>
internal sealed class HostedZoneData(ZoneRepository zones) : IZoneData
{
    public IReadOnlyList<string> ZoneApexes() => zones.PublicZoneNames();

    public IReadOnlyList<ZoneRecord> RecordsAt(string zoneApex, string name)
    {
        var apex = zoneApex.ToLowerInvariant();
        var owner = name.ToLowerInvariant();
        var zone = zones.DelegatedZone(apex);
        if (zone is null)
        {
            return [];
        }

        return [.. zones.RecordSetsAt(zone.Id, owner)
            .SelectMany(set => set.Values.Select(value => new ZoneRecord(set.Name, set.Type, set.Ttl, Presentation(set.Type, value))))];
    }

    public bool HasRecordsBelow(string zoneApex, string name)
    {
        var apex = zoneApex.ToLowerInvariant();
        var suffix = "." + name.ToLowerInvariant();
        var zone = zones.DelegatedZone(apex);
        return zone is not null && zones.RecordSets(zone.Id).Any(r => r.Name.EndsWith(suffix, StringComparison.Ordinal));
    }

    // The DNS view's form (IZoneData): TXT text without Route 53's quoting (the character-strings joined),
    // host names fully qualified with the trailing dot.
    private static string Presentation(string type, string value)
    {
        switch (type)
        {
            case "TXT" or "SPF":
                return RecordValues.TxtStrings(value) is { } strings ? string.Concat(strings) : value;
            case "MX":
                var parts = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return parts.Length == 2 ? parts[0] + " " + Qualified(parts[1]) : value;
            case "CNAME" or "NS" or "PTR":
                return Qualified(value);
            default:
                return value;
        }
    }

    private static string Qualified(string host)
    {
        var lower = host.Trim().ToLowerInvariant();
        return lower.EndsWith('.') ? lower : lower + ".";
    }
}
