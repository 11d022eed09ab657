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
        // Several zones may share a name in Route 53; the oldest stands for the delegated one.
        var zone = zones.Zones().Where(z => !z.Private && z.Name == apex).OrderBy(z => z.Id, StringComparer.Ordinal).FirstOrDefault();
        if (zone is null)
        {
            return [];
        }

        return [.. zones.RecordSetsAt(zone.Id, owner)
            .SelectMany(set => set.Values.Select(value => new ZoneRecord(set.Name, set.Type, set.Ttl, Plain(set.Type, value))))];
    }

    // The DNS view wants TXT text without Route 53's quoting: the character-strings joined.
    private static string Plain(string type, string value) =>
        type is "TXT" or "SPF" && RecordValues.TxtStrings(value) is { } strings ? string.Concat(strings) : value;
}
