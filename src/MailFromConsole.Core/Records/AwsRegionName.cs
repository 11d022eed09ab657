using System.Text.RegularExpressions;

namespace MailFromConsole.Core.Records;

/// <summary>Shape of an AWS region code (us-east-1, ap-southeast-2, us-gov-west-1), so a region can go safely into a host name.</summary>
public static partial class AwsRegionName
{
    public static bool IsValid(string? region) => region is not null && Pattern().IsMatch(region);

    internal static string Require(string? region) =>
        IsValid(region?.Trim().ToLowerInvariant())
            ? region!.Trim().ToLowerInvariant()
            : throw new ArgumentException($"{DnsNameRulesDisplay(region)} is not an AWS region code such as us-east-1.", nameof(region));

    private static string DnsNameRulesDisplay(string? region) => MailFrom.DnsNameRules.Display(region);

    [GeneratedRegex("^[a-z]{2}(-[a-z]+){1,2}-[0-9]{1,2}$", RegexOptions.CultureInvariant)]
    internal static partial Regex Pattern();
}
