namespace MailFromConsole.LocalAws.Auth;

/// <summary>Who signed a request: the account it acts in, and its ARN and user id as GetCallerIdentity shows them.</summary>
internal sealed record Caller(string AccountId, string Arn, string UserId)
{
    /// <summary>An account's long-term key belongs to its root user (AWS: UserId is the account id).</summary>
    public static Caller Root(string accountId) => new(accountId, $"arn:aws:iam::{accountId}:root", accountId);
}
