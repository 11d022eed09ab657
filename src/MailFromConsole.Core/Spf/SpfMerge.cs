namespace MailFromConsole.Core.Spf;

/// <param name="TxtValues">All TXT values to publish at the name (other TXT values kept, one SPF record), plain text.</param>
/// <param name="Changed">False when the existing TXT values already authorise SES (nothing to publish).</param>
/// <param name="Problems">Plain-language problems found (two SPF records, over 10 DNS lookups, ...). A merge is refused
/// (TxtValues equal to the input) when the problem makes a safe merge impossible, e.g. two SPF records.</param>
public sealed record SpfMergeResult(IReadOnlyList<string> TxtValues, bool Changed, IReadOnlyList<string> Problems, bool CanPublish);

public static class SpfMerge
{
    /// <summary>Given the TXT values already at the name (plain text, strings joined), the TXT record set to publish.</summary>
    public static SpfMergeResult Merge(IReadOnlyList<string> existingTxtValues) => throw new NotImplementedException();

    /// <summary>Splits a TXT value into character-strings of at most 255 bytes (for the wire and zone files).</summary>
    public static IReadOnlyList<string> SplitCharacterStrings(string value) => throw new NotImplementedException();
}
