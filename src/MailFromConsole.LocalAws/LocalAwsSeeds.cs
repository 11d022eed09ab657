using System.Security.Cryptography;
using System.Text;

namespace MailFromConsole.LocalAws;

/// <summary>
/// Names of the demo data seeded on first run, so every console path can be tried (and so the DNS helper can
/// serve the "outside" zone of <see cref="OutsideDnsDomain"/>).
/// </summary>
public static class LocalAwsSeeds
{
    public const string Region = "us-east-1";
    public const string OtherRegion = "eu-west-1";

    /// <summary>The AWS docs' own example: verified, with a Route 53 hosted zone, no MAIL FROM yet.</summary>
    public const string ExampleDomain = "example.com";

    /// <summary>The AWS docs' own example address (verified).</summary>
    public const string ExampleEmail = "user@example.com";

    /// <summary>Verified, hosted zone, MAIL FROM <c>mail.example.net</c> already published and in Success.</summary>
    public const string ReadyDomain = "example.net";

    public const string ReadyMailFromDomain = "mail.example.net";

    /// <summary>Verified, but its DNS is at another provider: no Route 53 hosted zone (the local "outside" DNS serves it).</summary>
    public const string OutsideDnsDomain = "example.org";

    /// <summary>Verified, hosted zone with an existing SPF record (and another TXT) at <c>mail.spf-conflict.test</c>.</summary>
    public const string ConflictingSpfDomain = "spf-conflict.test";

    public const string ConflictingSpfValue = "v=spf1 include:_spf.mailprovider.test ~all";

    /// <summary>Verified, hosted zone with two MX records at <c>mail.two-mx.test</c> (one is a foreign mail server).</summary>
    public const string TwoMxDomain = "two-mx.test";

    /// <summary>Verification pending: hosted zone without the _amazonses token yet.</summary>
    public const string PendingDomain = "pending.test";

    /// <summary>Verification failed.</summary>
    public const string FailedDomain = "failed.test";

    /// <summary>Verified in <see cref="OtherRegion"/> only.</summary>
    public const string OtherRegionEmail = "user@example.org";

    /// <summary>example.net's DMARC record: with its MAIL FROM and Easy DKIM in Success, its mail passes DMARC through both.</summary>
    public const string ReadyDmarcValue = "v=DMARC1; p=quarantine; rua=mailto:dmarc-reports@example.net";

    /// <summary>The three Easy DKIM tokens seeded for <see cref="ReadyDomain"/> (stable, in SES's lower-case base32 form).</summary>
    public static IReadOnlyList<string> ReadyDkimTokens { get; } = Enumerable.Range(1, 3)
        .Select(n => string.Concat(SHA256.HashData(Encoding.UTF8.GetBytes($"local-aws-seed:dkim:{ReadyDomain}:{n}")).Take(32)
            .Select(b => "abcdefghijklmnopqrstuvwxyz234567"[b % 32])))
        .ToList();

    /// <summary>The _amazonses token of a seeded domain: fixed, so a zone outside Route 53 can carry it too.</summary>
    public static string VerificationToken(string region, string domain) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes($"local-aws-seed:{region}:{domain}")));
}
