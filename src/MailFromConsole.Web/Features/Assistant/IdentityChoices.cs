namespace MailFromConsole.Web.Features.Assistant;

/// <param name="Verified">Matching identities SES has verified (the only ones that can get a MAIL FROM domain).</param>
/// <param name="NotVerified">Matching identities that are not verified yet, by name.</param>
/// <param name="More">True when more identities match than were read: the user should narrow the search.</param>
public sealed record IdentityChoices(IReadOnlyList<IdentityChoice> Verified, IReadOnlyList<string> NotVerified, bool More);
