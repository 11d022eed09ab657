namespace MailFromConsole.Core.Records;

/// <summary>
/// The records to add at a MAIL FROM domain as it is now: the SPF value merged into the name's existing SPF record
/// (<see cref="RequiredRecord.Replaces"/>), so that copying them by hand never makes a second SPF record.
/// </summary>
/// <param name="Problems">Why the SPF record cannot simply be copied (two SPF records, a <c>-include:amazonses.com</c>, …).</param>
public sealed record RequiredRecordSet(IReadOnlyList<RequiredRecord> Records, IReadOnlyList<string> Problems);
