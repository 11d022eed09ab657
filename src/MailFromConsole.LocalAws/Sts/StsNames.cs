using System.Xml.Linq;

namespace MailFromConsole.LocalAws.Sts;

/// <summary>Wire names of STS 2011-06-15 (botocore's sts model; checked by a test).</summary>
internal static class StsNames
{
    public const string Version = "2011-06-15";

    public const string GetCallerIdentity = "GetCallerIdentity";
    public const string AssumeRole = "AssumeRole";

    public static readonly XNamespace Namespace = "https://sts.amazonaws.com/doc/2011-06-15/";

    public static readonly IReadOnlySet<string> Actions = new HashSet<string>(StringComparer.Ordinal) { GetCallerIdentity, AssumeRole };

    /// <summary>Every action of the STS model: a request naming one of them is meant for STS, even unsigned.</summary>
    public static readonly IReadOnlySet<string> ModelActions = new HashSet<string>(StringComparer.Ordinal)
    {
        "AssumeRole", "AssumeRoleWithSAML", "AssumeRoleWithWebIdentity", "DecodeAuthorizationMessage",
        "GetAccessKeyInfo", "GetCallerIdentity", "GetFederationToken", "GetSessionToken",
    };
}
