namespace MailFromConsole.LocalAws.OutsideDns;

/// <summary>A zone hosted at "another DNS provider", with its records.</summary>
public sealed record OutsideZone(string Apex, IReadOnlyList<OutsideRecord> Records);
