using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace MailFromConsole.LocalAws.Auth;

/// <summary>A configured role: who may assume it, the external id it demands and its longest session.</summary>
internal sealed partial record LocalRole(
    string Arn,
    string AccountId,
    string Name,
    IReadOnlySet<string> TrustedAccountIds,
    string? ExternalId,
    TimeSpan MaxSessionDuration)
{
    /// <summary>IAM's stable role id (AROA…), here derived from the ARN so it survives restarts.</summary>
    public string RoleId { get; } = "AROA" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Arn)))[..17];

    public bool Trusts(string accountId) => TrustedAccountIds.Contains(accountId);

    /// <summary>Reads <c>arn:aws:iam::&lt;account&gt;:role/[path/]&lt;name&gt;</c>; false for any other ARN.</summary>
    public static bool TryParseArn(string arn, out string accountId, out string name)
    {
        var match = RoleArnPattern().Match(arn);
        accountId = match.Success ? match.Groups["account"].Value : "";
        name = match.Success ? match.Groups["name"].Value : "";
        return match.Success;
    }

    // IAM's role name and path characters; a path is any number of segments before the name.
    [GeneratedRegex(@"^arn:aws:iam::(?<account>[0-9]{12}):role/(?:[A-Za-z0-9_+=,.@-]+/)*(?<name>[A-Za-z0-9_+=,.@-]{1,64})$", RegexOptions.CultureInvariant)]
    private static partial Regex RoleArnPattern();
}
