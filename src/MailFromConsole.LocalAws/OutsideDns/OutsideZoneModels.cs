namespace MailFromConsole.LocalAws.OutsideDns;

/// <summary>A zone hosted at "another DNS provider", with its records.</summary>
public sealed record OutsideZone(string Apex, IReadOnlyList<OutsideRecord> Records);

/// <summary>One record of an outside zone; names and values in the form the DNS view serves (see ZoneRecord).</summary>
public sealed record OutsideRecord(long Id, string ZoneApex, string Name, string Type, long Ttl, string Value);
