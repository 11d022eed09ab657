namespace MailFromConsole.Core.Ses;

/// <summary>GetIdentityDkimAttributes entry: Easy DKIM signing and, for domains, the three CNAME tokens and their status.</summary>
public sealed record IdentityDkimAttributes(
    bool DkimEnabled,
    VerificationStatus DkimVerificationStatus,
    IReadOnlyList<string> DkimTokens);
