namespace MailFromConsole.Core.Sts;

/// <summary>GetCallerIdentity's answer: the account and the ARN of the user or assumed role.</summary>
public sealed record CallerIdentity(string Account, string Arn, string UserId);
