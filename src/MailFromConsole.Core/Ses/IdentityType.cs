namespace MailFromConsole.Core.Ses;

/// <summary>SES v1's identity kinds (API 2010-12-01). Member names are the exact wire strings.</summary>
public enum IdentityType { EmailAddress, Domain }
