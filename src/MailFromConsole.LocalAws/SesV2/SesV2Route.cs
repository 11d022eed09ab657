namespace MailFromConsole.LocalAws.SesV2;

/// <summary>Which SES API v2 operation a method and path name, and the identity the path carries.</summary>
internal sealed record SesV2Route(string Operation, string? Identity)
{
    public const string Prefix = "/v2/email/";

    private const string IdentityLabel = "{EmailIdentity}";

    private static readonly (string Method, string Template, string Operation)[] Table =
    [
        ("POST", SesV2Wire.Paths.Identities, SesV2Wire.Operations.CreateEmailIdentity),
        ("GET", SesV2Wire.Paths.Identities, SesV2Wire.Operations.ListEmailIdentities),
        ("GET", SesV2Wire.Paths.Identity, SesV2Wire.Operations.GetEmailIdentity),
        ("DELETE", SesV2Wire.Paths.Identity, SesV2Wire.Operations.DeleteEmailIdentity),
        ("PUT", SesV2Wire.Paths.MailFrom, SesV2Wire.Operations.PutEmailIdentityMailFromAttributes),
        ("PUT", SesV2Wire.Paths.Dkim, SesV2Wire.Operations.PutEmailIdentityDkimAttributes),
        ("POST", SesV2Wire.Paths.Tags, SesV2Wire.Operations.TagResource),
        ("GET", SesV2Wire.Paths.Tags, SesV2Wire.Operations.ListTagsForResource),
        ("DELETE", SesV2Wire.Paths.Tags, SesV2Wire.Operations.UntagResource),
    ];

    /// <summary>The method, template and operation of every route (for the test against the model).</summary>
    public static IReadOnlyList<(string Method, string Template, string Operation)> All => Table;

    public static bool IsV2(string path) => path.StartsWith(Prefix, StringComparison.Ordinal);

    /// <param name="rawPath">The path as sent (percent-encoded): an identity may hold any character, '/' included.</param>
    public static SesV2Route? Match(string method, string rawPath)
    {
        var segments = rawPath.Split('/');
        foreach (var (routeMethod, template, operation) in Table)
        {
            var parts = template.Split('/');
            if (routeMethod != method.ToUpperInvariant() || parts.Length != segments.Length)
            {
                continue;
            }

            string? identity = null;
            var matches = true;
            for (var i = 0; i < parts.Length && matches; i++)
            {
                if (parts[i] == IdentityLabel)
                {
                    identity = Uri.UnescapeDataString(segments[i]);
                    matches = identity.Length > 0;
                }
                else
                {
                    matches = parts[i] == segments[i];
                }
            }

            if (matches)
            {
                return new SesV2Route(operation, identity);
            }
        }

        return null;
    }
}
