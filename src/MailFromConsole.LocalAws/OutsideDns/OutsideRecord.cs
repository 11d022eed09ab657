namespace MailFromConsole.LocalAws.OutsideDns;

/// <summary>One record of an outside zone; names and values in the form the DNS view serves (see ZoneRecord).</summary>
public sealed record OutsideRecord(long Id, string ZoneApex, string Name, string Type, long Ttl, string Value);
