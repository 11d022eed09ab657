namespace MailFromConsole.Core.Export;

/// <summary>One record set of an export, as it is to be after applying it.</summary>
/// <param name="Name">Without the trailing dot, lower case.</param>
/// <param name="Values">Plain values (TXT: unquoted text, strings joined; MX: "10 host.").</param>
/// <param name="Exists">The record set is already in the zone: the export adopts it (import) and sets these values.</param>
public sealed record ExportRecord(string Name, string Type, long Ttl, IReadOnlyList<string> Values, bool Exists);
