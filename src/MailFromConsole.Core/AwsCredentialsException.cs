namespace MailFromConsole.Core;

/// <summary>
/// The console's credentials could not be had: none configured, a profile not found, an SSO sign-in missing or expired,
/// a <c>credential_process</c> or a profile's AssumeRole failing. Nothing was sent to the service.
/// </summary>
/// <param name="profile">The shared-config profile the credentials came from, when one was used.</param>
public sealed class AwsCredentialsException(string service, string errorCode, string message, string? profile, Exception? innerException = null)
    : AwsServiceException(service, errorCode, message, 0, null, innerException)
{
    public const string NotAvailable = "CredentialsNotAvailable";

    /// <summary>An <c>sso_session</c> / <c>sso_start_url</c> profile without a valid cached token.</summary>
    public const string SsoLoginRequired = "SsoLoginRequired";

    public string? Profile { get; } = profile;
}
