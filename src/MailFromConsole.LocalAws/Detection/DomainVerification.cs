using MailFromConsole.Core.Ses;

namespace MailFromConsole.LocalAws.Detection;

/// <summary>A domain identity of an account waiting for (or keeping) its _amazonses TXT verification.</summary>
public sealed record DomainVerification(string AccountId, string Region, string Domain, string Token, VerificationStatus Status, DateTimeOffset StartedAt);
