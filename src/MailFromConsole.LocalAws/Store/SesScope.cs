namespace MailFromConsole.LocalAws.Store;

/// <summary>Where SES keeps an identity: every account has its own identities in each region, as in AWS.</summary>
internal readonly record struct SesScope(string AccountId, string Region);
