namespace MailFromConsole.Core.Sts;

/// <summary>AssumeRole's temporary credentials and the session they belong to.</summary>
public sealed record AssumedRole(string AccessKeyId, string SecretAccessKey, string SessionToken, DateTimeOffset Expiration, string AssumedRoleArn)
{
    /// <summary>The account of the role (the fifth field of <c>arn:aws:sts::ACCOUNT:assumed-role/…</c>).</summary>
    public string? Account => Arns.AccountOf(AssumedRoleArn);

    public override string ToString() => $"AssumedRole {{ AssumedRoleArn = {AssumedRoleArn}, Expiration = {Expiration:O} }}";
}
