namespace MailFromConsole.LocalAws.Auth;

/// <summary>The parts of an HTTP request a SigV4 signature covers.</summary>
internal sealed record SignedRequest(
    string Method,
    string RawPath,
    string RawQuery,
    Func<string, string?> Header,
    byte[] Body);
