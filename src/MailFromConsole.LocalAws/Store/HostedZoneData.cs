using MailFromConsole.LocalAws.Dns;
using MailFromConsole.LocalAws.Route53;

namespace MailFromConsole.LocalAws.Store;

/// <summary>The public Route 53 hosted zones as the local DNS view serves them, read fresh on every query.</summary>
internal sealed class HostedZoneData(ZoneRepository zones) : IZoneData
{
    public IReadOnlyList<string> ZoneApexes() =>
        [.. zones.Zones().Where(z => !z.Private).Select(z => z.Name).Distinct(StringComparer.Ordinal)];

    public IReadOnlyList<ZoneRecord> RecordsAt(string zoneApex, string name)
    {
        var apex = zoneApex.ToLowerInvariant();
        var owner = name.ToLowerInvariant();
        // Several zones may share a name in Route 53; one (the lowest id) stands for the delegated one.
        var zone = PublicZone(apex);
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
        var zone = PublicZone(apex);
        return zone is not null && zones.RecordSets(zone.Id).Any(r => r.Name.EndsWith(suffix, StringComparison.Ordinal));
    }

    private ZoneRow? PublicZone(string apex) =>
        zones.Zones().Where(z => !z.Private && z.Name == apex).OrderBy(z => z.Id, StringComparer.Ordinal).FirstOrDefault();

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
