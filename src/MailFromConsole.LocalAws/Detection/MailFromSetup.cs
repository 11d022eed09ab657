using MailFromConsole.Core.Ses;

namespace MailFromConsole.LocalAws.Detection;

/// <summary>A custom MAIL FROM setup SES is (or keeps) checking, of an identity of <paramref name="AccountId"/> in <paramref name="Region"/>.</summary>
/// <param name="SetupStartedAt">When SetIdentityMailFromDomain last set this domain: the 72-hour-like window starts here.</param>
public sealed record MailFromSetup(string AccountId, string Region, string Identity, string MailFromDomain, CustomMailFromStatus Status, DateTimeOffset SetupStartedAt);
