namespace MailFromConsole.Core.Records;

/// <summary>A DNS record the MAIL FROM domain needs. Plain value: no TXT quoting, no trailing dot on host names.</summary>
/// <param name="Name">e.g. <c>mail.example.com</c></param>
/// <param name="Type"><c>MX</c> or <c>TXT</c></param>
/// <param name="Value">MX: <c>10 feedback-smtp.us-east-1.amazonses.com</c>; TXT: <c>v=spf1 include:amazonses.com ~all</c></param>
/// <param name="Replaces">The existing value at the name this one takes the place of (an SPF record merged with SES's
/// include), null when the record is simply added. Equal to <paramref name="Value"/> when it is already in place.</param>
public sealed record RequiredRecord(string Name, string Type, string Value, string? Replaces = null);
