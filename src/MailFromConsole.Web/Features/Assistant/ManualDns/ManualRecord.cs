namespace MailFromConsole.Web.Features.Assistant.ManualDns;

/// <summary>One record as DNS providers' forms ask for it: host field, type, priority (MX), value.</summary>
/// <param name="Host">What to type in a provider's host/name field when the zone is <see cref="RecordSetExport.HostField"/>'s zone.</param>
/// <param name="Replaces">The existing value this one takes the place of (a merged SPF record), else null.</param>
public sealed record ManualRecord(string Name, string Host, string Type, int? Priority, string Value, string? Replaces = null);
