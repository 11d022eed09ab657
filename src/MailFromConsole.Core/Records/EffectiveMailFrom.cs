namespace MailFromConsole.Core.Records;

/// <summary>What the MAIL FROM mail actually uses right now.</summary>
/// <param name="Kind">Custom, RegionDefault or Rejected.</param>
/// <param name="MailFromDomain">The domain used, null when rejected.</param>
/// <param name="Explanation">One plain sentence.</param>
public sealed record EffectiveMailFrom(EffectiveMailFromKind Kind, string? MailFromDomain, string Explanation);
