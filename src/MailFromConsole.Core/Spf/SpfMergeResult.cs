namespace MailFromConsole.Core.Spf;

/// <param name="TxtValues">All TXT values to publish at the name (other TXT values kept, one SPF record), plain text.</param>
/// <param name="Changed">False when the existing TXT values already authorise SES (nothing to publish).</param>
/// <param name="Problems">Plain-language problems found (two SPF records, over 10 DNS lookups, ...). A merge is refused
/// (TxtValues equal to the input) when the problem makes a safe merge impossible, e.g. two SPF records.</param>
public sealed record SpfMergeResult(IReadOnlyList<string> TxtValues, bool Changed, IReadOnlyList<string> Problems, bool CanPublish);
