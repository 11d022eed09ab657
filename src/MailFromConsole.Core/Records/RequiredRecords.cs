using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using MailFromConsole.Core.MailFrom;
using MailFromConsole.Core.Ses;
using MailFromConsole.Core.Spf;

namespace MailFromConsole.Core.Records;

public static partial class RequiredRecords
{
    public const string SpfValue = "v=spf1 include:amazonses.com ~all";
    public const int MxPreference = 10;

    /// <summary><c>feedback-smtp.&lt;region&gt;.amazonses.com</c></summary>
    /// <exception cref="ArgumentException">The region is not an AWS region code.</exception>
    public static string FeedbackHost(string region) => $"feedback-smtp.{AwsRegionName.Require(region)}.amazonses.com";

    /// <summary>The region's default MAIL FROM domain, a subdomain of amazonses.com (<c>us-east-1.amazonses.com</c>).</summary>
    public static string DefaultMailFromDomain(string region) => $"{AwsRegionName.Require(region)}.amazonses.com";

    /// <summary>True for any region's SES feedback host (case-insensitive, trailing dot allowed).</summary>
    public static bool IsSesFeedbackHost(string host) => FeedbackRegion(host) is not null;

    /// <summary>The region of an SES feedback host (<c>feedback-smtp.eu-west-1.amazonses.com</c> → <c>eu-west-1</c>), else null.</summary>
    public static string? FeedbackRegion(string? host)
    {
        if (string.IsNullOrWhiteSpace(host))
        {
            return null;
        }

        var name = host.Trim();
        if (name.EndsWith('.'))
        {
            name = name[..^1];
        }

        var match = FeedbackHostPattern().Match(name.ToLowerInvariant());
        return match.Success ? match.Groups["region"].Value : null;
    }

    /// <summary>Exactly one MX and the SPF TXT for the region.</summary>
    /// <exception cref="ArgumentException">The domain is not a valid DNS name or the region is not a region code.</exception>
    public static IReadOnlyList<RequiredRecord> For(string mailFromDomain, string region)
    {
        if (!DnsNameRules.TryNormalize(mailFromDomain, "The MAIL FROM domain", out var name, out var errors))
        {
            throw new ArgumentException(errors[0], nameof(mailFromDomain));
        }

        return
        [
            new RequiredRecord(name, "MX", $"{MxPreference} {FeedbackHost(region)}"),
            new RequiredRecord(name, "TXT", SpfValue),
        ];
    }

    /// <summary>
    /// The records for a name that already holds <paramref name="existingTxtValues"/>: the MX, and the SPF record merged
    /// into an existing SPF record exactly as the Route 53 publish merges it (one SPF record per name, never two).
    /// </summary>
    /// <exception cref="ArgumentException">The domain is not a valid DNS name or the region is not a region code.</exception>
    public static RequiredRecordSet For(string mailFromDomain, string region, IReadOnlyList<string> existingTxtValues)
    {
        var records = For(mailFromDomain, region);
        var existingSpf = existingTxtValues.FirstOrDefault(SpfRecord.IsSpf);
        var merge = SpfMerge.Merge(existingTxtValues);
        if (existingSpf is null || !merge.CanPublish)
        {
            return new RequiredRecordSet(records, merge.Problems);
        }

        var mergedSpf = merge.TxtValues.First(SpfRecord.IsSpf);
        return new RequiredRecordSet([records[0], records[1] with { Value = mergedSpf, Replaces = existingSpf }], merge.Problems);
    }

    /// <summary>The MAIL FROM used while the custom one is not in Success (or when it is).</summary>
    public static EffectiveMailFrom Effective(string region, IdentityMailFromDomainAttributes attributes)
    {
        var fallback = DefaultMailFromDomain(region);
        var custom = attributes.MailFromDomain;
        if (string.IsNullOrWhiteSpace(custom))
        {
            return new EffectiveMailFrom(EffectiveMailFromKind.RegionDefault, fallback,
                $"No custom MAIL FROM domain is set, so mail uses {fallback}, the default MAIL FROM of {region} (a subdomain of amazonses.com).");
        }

        var status = attributes.MailFromDomainStatus ?? CustomMailFromStatus.Pending;
        if (status == CustomMailFromStatus.Success)
        {
            return new EffectiveMailFrom(EffectiveMailFromKind.Custom, custom,
                $"SES found the MX record of {custom}, so mail uses {custom} as its MAIL FROM domain.");
        }

        var why = status switch
        {
            CustomMailFromStatus.Pending => $"SES has not yet found the MX record of {custom} (status Pending; detection can take up to 72 hours)",
            CustomMailFromStatus.Failed => $"SES could not find the right MX record of {custom} (status Failed; fix the records and restart the setup)",
            _ => $"SES could not look up the MX record of {custom} because of a DNS problem (status TemporaryFailure; SES keeps trying)",
        };

        return attributes.BehaviorOnMxFailure == BehaviorOnMxFailure.RejectMessage
            ? new EffectiveMailFrom(EffectiveMailFromKind.Rejected, null,
                $"{why}, and the behaviour on MX failure is to reject messages: sending fails with a MailFromDomainNotVerified error until the MX record is found.")
            : new EffectiveMailFrom(EffectiveMailFromKind.RegionDefault, fallback,
                $"{why}, so mail uses {fallback}, the default MAIL FROM of {region} (a subdomain of amazonses.com), until the MX record is found.");
    }

    /// <summary>A BIND zone-file snippet of the records.</summary>
    public static string ZoneFileSnippet(IReadOnlyList<RequiredRecord> records, int ttl = 300)
    {
        var builder = new StringBuilder();
        foreach (var record in records)
        {
            var type = record.Type.ToUpperInvariant();
            var value = type switch
            {
                "TXT" => QuotedTxt(record.Value),
                "MX" or "CNAME" or "NS" => Absolute(record.Value),
                _ => record.Value,
            };
            builder.Append(CultureInfo.InvariantCulture, $"{Absolute(record.Name)}\t{ttl}\tIN\t{type}\t{value}\n");
        }

        return builder.ToString();
    }

    /// <summary>
    /// A TXT value as DNS presentation text: character-strings of at most 255 bytes, each quoted with <c>"</c> and
    /// <c>\</c> escaped (<c>"v=spf1 …" "…"</c>), as zone files, Route 53's wire and CloudFormation write it.
    /// </summary>
    public static string QuotedTxt(string value) => string.Join(" ", SpfMerge.SplitCharacterStrings(value).Select(QuoteCharacterString));

    // Host names in a zone file are relative to $ORIGIN unless they end with a dot: a classic way to publish
    // "feedback-smtp.us-east-1.amazonses.com.example.com" by mistake.
    private static string Absolute(string nameOrMxValue) => nameOrMxValue.EndsWith('.') ? nameOrMxValue : nameOrMxValue + ".";

    private static string QuoteCharacterString(string value)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in value)
        {
            if (c is '"' or '\\')
            {
                builder.Append('\\').Append(c);
            }
            else if (c < 0x20 || c == 0x7F)
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\{(int)c:D3}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Append('"').ToString();
    }

    [GeneratedRegex("^feedback-smtp\\.(?<region>[a-z]{2}(-[a-z]+){1,2}-[0-9]{1,2})\\.amazonses\\.com$", RegexOptions.CultureInvariant)]
    private static partial Regex FeedbackHostPattern();
}
