namespace MailFromConsole.Core.Ses;

public sealed record IdentityVerificationAttributes(VerificationStatus VerificationStatus, string? VerificationToken);
