using MailFromConsole.Core.Sts;

namespace MailFromConsole.Web.Features.Connection;

/// <summary>GetCallerIdentity in one region: the account and ARN, or why STS did not say.</summary>
public sealed record RegionIdentity(string Region, CallerIdentity? Identity, string? Error);
