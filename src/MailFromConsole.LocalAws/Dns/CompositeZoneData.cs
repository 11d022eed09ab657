using MailFromConsole.Core.Route53;

namespace MailFromConsole.LocalAws.Dns;

/// <summary>
/// Serves several zone sources as one (Route 53 hosted zones and outside zones). When two sources hold the same
/// apex, the earlier source answers for it alone, as only one provider can be a domain's real DNS.
/// </summary>
public sealed class CompositeZoneData(params IZoneData[] sources) : IZoneData
{
    private readonly IZoneData[] _sources = [.. sources];

    public IReadOnlyList<string> ZoneApexes() =>
        [.. _sources.SelectMany(s => s.ZoneApexes()).Select(DnsNames.Canonical).Distinct(StringComparer.Ordinal)];

    public IReadOnlyList<ZoneRecord> RecordsAt(string zoneApex, string name) =>
        OwnerOf(zoneApex)?.RecordsAt(zoneApex, name) ?? [];

    public bool HasRecordsBelow(string zoneApex, string name) =>
        OwnerOf(zoneApex)?.HasRecordsBelow(zoneApex, name) ?? false;

    private IZoneData? OwnerOf(string zoneApex)
    {
        var apex = DnsNames.Canonical(zoneApex);
        return _sources.FirstOrDefault(s => s.ZoneApexes().Any(a => DnsNames.Canonical(a) == apex));
    }
}
