namespace MailFromConsole.Core.Route53;

/// <summary>
/// A record set. <paramref name="Values"/> are plain values: for TXT (and SPF) each value is the record's text
/// (its character-strings joined), unquoted and unescaped; the wire layer quotes, escapes and splits at 255.
/// For MX a value is "10 host.example.com." as on the wire.
/// </summary>
/// <param name="Name">Fully qualified with the trailing dot, lower case.</param>
public sealed record ResourceRecordSet(string Name, string Type, long Ttl, IReadOnlyList<string> Values);
