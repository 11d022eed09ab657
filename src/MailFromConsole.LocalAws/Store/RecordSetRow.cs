namespace MailFromConsole.LocalAws.Store;

/// <summary>A record set with its values exactly as Route 53 shows them (TXT quoted, MX "10 host.").</summary>
internal sealed record RecordSetRow(string Name, string Type, long Ttl, IReadOnlyList<string> Values);
