namespace MailFromConsole.LocalAws.Dns;

/// <summary>One DNS record as the local DNS view serves it.</summary>
/// <param name="Name">Fully qualified, lower case, trailing dot.</param>
/// <param name="Type">MX, TXT, CNAME, A, NS, SOA ...</param>
/// <param name="Value">Route 53 presentation: MX "10 host.", CNAME "target.", TXT plain text (strings joined, unquoted).</param>
public sealed record ZoneRecord(string Name, string Type, long Ttl, string Value);
