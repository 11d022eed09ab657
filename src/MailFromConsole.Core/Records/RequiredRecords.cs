using MailFromConsole.Core.Ses;

namespace MailFromConsole.Core.Records;

/// <summary>A DNS record the MAIL FROM domain needs. Plain value: no TXT quoting, no trailing dot on host names.</summary>
/// <param name="Name">e.g. <c>mail.example.com</c></param>
/// <param name="Type"><c>MX</c> or <c>TXT</c></param>
/// <param name="Value">MX: <c>10 feedback-smtp.us-east-1.amazonses.com</c>; TXT: <c>v=spf1 include:amazonses.com ~all</c></param>
public sealed record RequiredRecord(string Name, string Type, string Value);

/// <summary>What the MAIL FROM mail actually uses right now.</summary>
/// <param name="Kind">Custom, RegionDefault or Rejected.</param>
/// <param name="MailFromDomain">The domain used, null when rejected.</param>
/// <param name="Explanation">One plain sentence.</param>
public sealed record EffectiveMailFrom(EffectiveMailFromKind Kind, string? MailFromDomain, string Explanation);

public enum EffectiveMailFromKind { Custom, RegionDefault, Rejected }

public static class RequiredRecords
{
    public const string SpfValue = "v=spf1 include:amazonses.com ~all";

    /// <summary><c>feedback-smtp.&lt;region&gt;.amazonses.com</c></summary>
    public static string FeedbackHost(string region) => throw new NotImplementedException();

    /// <summary>True for any region's SES feedback host (case-insensitive, trailing dot allowed).</summary>
    public static bool IsSesFeedbackHost(string host) => throw new NotImplementedException();

    /// <summary>Exactly one MX and the SPF TXT for the region.</summary>
    public static IReadOnlyList<RequiredRecord> For(string mailFromDomain, string region) => throw new NotImplementedException();

    /// <summary>The MAIL FROM used while the custom one is not in Success (or when it is).</summary>
    public static EffectiveMailFrom Effective(string region, IdentityMailFromDomainAttributes attributes) => throw new NotImplementedException();

    /// <summary>A BIND zone-file snippet of the records.</summary>
    public static string ZoneFileSnippet(IReadOnlyList<RequiredRecord> records, int ttl = 300) => throw new NotImplementedException();
}
