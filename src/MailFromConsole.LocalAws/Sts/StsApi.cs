using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using MailFromConsole.LocalAws.Auth;
using MailFromConsole.LocalAws.Ses;
using MailFromConsole.LocalAws.Wire;

namespace MailFromConsole.LocalAws.Sts;

/// <summary>
/// STS Query API (2011-06-15): GetCallerIdentity, and AssumeRole into the configured roles, whose temporary
/// credentials the local SES and Route 53 accept in the role's account. The local AWS evaluates no IAM policies:
/// session policies (Policy, PolicyArns) and tags are accepted and not applied.
/// </summary>
internal sealed partial class StsApi(LocalAccounts accounts, TemporaryCredentialStore temporaryCredentials)
{
    private const int DefaultDurationSeconds = 3600;
    private const int MinDurationSeconds = 900;

    private static readonly XNamespace Ns = StsNames.Namespace;

    public XDocument Handle(string action, Caller caller, SesParameters p, string requestId)
    {
        object?[] result = action switch
        {
            StsNames.GetCallerIdentity =>
            [
                new XElement(Ns + "UserId", caller.UserId),
                new XElement(Ns + "Account", caller.AccountId),
                new XElement(Ns + "Arn", caller.Arn),
            ],
            StsNames.AssumeRole => AssumeRole(caller, p),
            // Our wording: STS's own answer to an action it lacks was not found in public material.
            _ => throw new AwsError(400, "InvalidAction", $"Could not find operation {action} for version {StsNames.Version}"),
        };
        return AwsXml.QueryResponse(Ns, action, requestId, result);
    }

    private object?[] AssumeRole(Caller caller, SesParameters p)
    {
        var roleArn = Constrained(p.Required("RoleArn"), "roleArn", 20, 2048, null, null);
        var sessionName = Constrained(p.Required("RoleSessionName"), "roleSessionName", 2, 64, SessionNamePattern(), @"[\w+=,.@-]*");
        var externalId = p.Optional("ExternalId") is { } id ? Constrained(id, "externalId", 2, 1224, ExternalIdPattern(), @"[\w+=,.@:\/-]*") : null;
        var durationSeconds = Duration(p.Optional("DurationSeconds"));

        // AWS answers a missing role, an untrusted caller and a wrong external id alike, so roles cannot be probed.
        var role = accounts.FindRole(roleArn);
        if (role is null || !role.Trusts(caller.AccountId) || (role.ExternalId is not null && role.ExternalId != externalId))
        {
            throw new AwsError(403, "AccessDenied",
                $"User: {caller.Arn} is not authorized to perform: sts:AssumeRole on resource: {roleArn}");
        }

        if (durationSeconds > role.MaxSessionDuration.TotalSeconds)
        {
            throw AwsError.Validation("The requested DurationSeconds exceeds the MaxSessionDuration set for this role.");
        }

        var assumedRoleId = $"{role.RoleId}:{sessionName}";
        var assumedArn = $"arn:aws:sts::{role.AccountId}:assumed-role/{role.Name}/{sessionName}";
        var key = temporaryCredentials.Issue(new Caller(role.AccountId, assumedArn, assumedRoleId), TimeSpan.FromSeconds(durationSeconds));
        return
        [
            new XElement(Ns + "Credentials",
                new XElement(Ns + "AccessKeyId", key.AccessKeyId),
                new XElement(Ns + "SecretAccessKey", key.SecretAccessKey),
                new XElement(Ns + "SessionToken", key.SessionToken),
                new XElement(Ns + "Expiration", key.Expiration!.Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))),
            new XElement(Ns + "AssumedRoleUser",
                new XElement(Ns + "AssumedRoleId", assumedRoleId),
                new XElement(Ns + "Arn", assumedArn)),
        ];
    }

    private static int Duration(string? raw)
    {
        if (raw is null)
        {
            return DefaultDurationSeconds;
        }

        if (!int.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds))
        {
            // Our wording: botocore refuses a non-integer before sending, so AWS's answer is not on record.
            throw AwsError.Validation($"Value '{raw}' for parameter DurationSeconds is invalid. It must be an integer.");
        }

        return seconds >= MinDurationSeconds
            ? seconds
            : throw AwsError.Validation(ValidationMessage(raw, "durationSeconds", $"Member must have value greater than or equal to {MinDurationSeconds}"));
    }

    /// <summary>The model's length and pattern constraints, refused with AWS's validation wording.</summary>
    private static string Constrained(string value, string member, int min, int max, Regex? pattern, string? modelPattern)
    {
        var broken = value.Length < min ? $"Member must have length greater than or equal to {min}"
            : value.Length > max ? $"Member must have length less than or equal to {max}"
            : pattern is not null && !pattern.IsMatch(value) ? $"Member must satisfy regular expression pattern: {modelPattern}"
            : null;
        return broken is null ? value : throw AwsError.Validation(ValidationMessage(value, member, broken));
    }

    private static string ValidationMessage(string value, string member, string constraint) =>
        $"1 validation error detected: Value '{value}' at '{member}' failed to satisfy constraint: {constraint}";

    // The model's patterns ([\w+=,.@-]* and [\w+=,.@:\/-]*), \w as ASCII word characters.
    [GeneratedRegex(@"^[A-Za-z0-9_+=,.@-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SessionNamePattern();

    [GeneratedRegex(@"^[A-Za-z0-9_+=,.@:/-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex ExternalIdPattern();
}
