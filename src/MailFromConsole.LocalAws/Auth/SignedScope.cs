namespace MailFromConsole.LocalAws.Auth;

/// <summary>The signing scope a verified request was signed for, and who signed it.</summary>
internal sealed record SignedScope(string AccessKeyId, string Region, string Service, Caller Caller);
