namespace MailFromConsole.LocalAws.Dns;

/// <summary>
/// Every zone the local DNS view is authoritative for: this account's Route 53 hosted zones and the "outside" zones
/// that stand for another DNS provider. Implemented by the store; read by the DNS server on every query, so a change
/// published through Route 53 is visible at once.
/// </summary>
public interface IZoneData
{
    /// <summary>Apex names (fully qualified, lower case, trailing dot) of all zones.</summary>
    IReadOnlyList<string> ZoneApexes();

    /// <summary>All records at exactly <paramref name="name"/> within the zone with apex <paramref name="zoneApex"/>.</summary>
    IReadOnlyList<ZoneRecord> RecordsAt(string zoneApex, string name);

    /// <summary>
    /// True when some record in the zone lies strictly below <paramref name="name"/> (an "empty non-terminal"), so a
    /// query for the name itself gets NODATA rather than NXDOMAIN. Implementations that cannot tell keep the default,
    /// which answers NXDOMAIN for such names.
    /// </summary>
    bool HasRecordsBelow(string zoneApex, string name) => false;
}
