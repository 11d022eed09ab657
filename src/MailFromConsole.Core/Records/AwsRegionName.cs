using System.Text.RegularExpressions;
using MailFromConsole.Core.MailFrom;

namespace MailFromConsole.Core.Records;

/// <summary>Shape of an AWS region code (us-east-1, ap-southeast-2, us-gov-west-1), so a region can go safely into a host name.</summary>
public static partial class AwsRegionName
{
    public static bool IsValid(string? region) => region is not null && Pattern().IsMatch(region);

    /// <summary>The region in lower case, or an <see cref="ArgumentException"/> when it is not a region code.</summary>
    internal static string Require(string? region)
    {
        var normalized = region?.Trim().ToLowerInvariant();
        return IsValid(normalized)
            ? normalized!
            : throw new ArgumentException($"{DnsNameRules.Display(region)} is not an AWS region code such as us-east-1.", nameof(region));
    }

    [GeneratedRegex("^[a-z]{2}(-[a-z]+){1,2}-[0-9]{1,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
