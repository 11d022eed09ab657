namespace MailFromConsole.Web.Features.Identities;

/// <summary>The list's sort column; statuses sort in the enum's order, then by name.</summary>
public enum IdentitySort { Identity, VerificationStatus, MailFromStatus }
