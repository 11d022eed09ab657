namespace MailFromConsole.LocalAws.Store;

/// <summary>One SES API v2 tag of an identity.</summary>
internal sealed record IdentityTag(string Key, string Value);
