using MailFromConsole.Core.Ses;

namespace MailFromConsole.Web.Features.Identities;

/// <summary>Result of adding or retrying an identity: for a domain, the TXT record to publish.</summary>
public sealed record VerificationStarted(string Identity, IdentityType Type, string? VerificationRecordName, string? VerificationToken)
{
    public string Instructions => Type == IdentityType.EmailAddress
        ? $"SES sent a verification message to {Identity}. Open the link in it to verify the address."
        : $"Publish a TXT record named {VerificationRecordName} with the value {VerificationToken} to verify {Identity}.";
}
