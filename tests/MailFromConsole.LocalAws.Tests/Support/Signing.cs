namespace MailFromConsole.LocalAws.Tests.Support;

/// <summary>
/// How a test request is signed: key and secret (test/test by default), the session token of temporary
/// credentials, the scope's region and service (null: the service the request goes to) and the signing time
/// (null: the fixture's clock).
/// </summary>
internal sealed record Signing(
    string AccessKey = "test",
    string Secret = "test",
    string? SessionToken = null,
    string Region = "us-east-1",
    string? Service = null,
    DateTimeOffset? At = null)
{
    public static readonly Signing Default = new();

    /// <summary>The temporary credentials of an AssumeRole answer.</summary>
    public static Signing FromAssumeRole(AwsAnswer answer) =>
        new(answer.Value("AccessKeyId")!, answer.Value("SecretAccessKey")!, answer.Value("SessionToken")!);
}
