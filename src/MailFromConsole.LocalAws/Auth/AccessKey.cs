namespace MailFromConsole.LocalAws.Auth;

/// <summary>
/// A key a request may be signed with: an account's long-term key, or temporary credentials from AssumeRole, which
/// also need their <see cref="SessionToken"/> and stop working at <see cref="Expiration"/>.
/// </summary>
internal sealed record AccessKey(
    string AccessKeyId,
    string SecretAccessKey,
    Caller Caller,
    string? SessionToken = null,
    DateTimeOffset? Expiration = null);
