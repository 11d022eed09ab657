using MailFromConsole.Core.Ses;

namespace MailFromConsole.LocalAws.Detection;

/// <summary>A domain identity's (of an account, in a region) Easy DKIM setup that SES is (or keeps) checking: three CNAMEs <c>&lt;token&gt;._domainkey.&lt;domain&gt;</c>.</summary>
/// <param name="StartedAt">When VerifyDomainDkim (or CreateEmailIdentity) last started detection: the window starts here.</param>
public sealed record DkimSetup(string AccountId, string Region, string Domain, IReadOnlyList<string> Tokens, VerificationStatus Status, DateTimeOffset StartedAt)
{
    /// <summary>The CNAME SES looks for for one token.</summary>
    public string RecordName(string token) => $"{token}._domainkey.{Domain.TrimEnd('.')}";

    /// <summary>Where that CNAME must point (Easy DKIM's public keys are hosted under dkim.amazonses.com).</summary>
    public static string Target(string token) => $"{token}.dkim.amazonses.com";
}
