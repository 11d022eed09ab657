using MailFromConsole.LocalAws.Store;
using MailFromConsole.LocalAws.Wire;

namespace MailFromConsole.LocalAws.SesV2;

/// <summary>The ARN of an SES identity, <c>arn:aws:ses:&lt;region&gt;:&lt;account&gt;:identity/&lt;name&gt;</c>, as the tag operations name it.</summary>
internal static class IdentityArn
{
    private const string ResourcePrefix = "identity/";

    /// <summary>
    /// The identity an ARN names in the caller's account and region; NotFoundException for any other SES resource,
    /// region or account (the caller cannot tag another account's identity). The messages are ours.
    /// </summary>
    public static string IdentityOf(string arn, SesScope scope)
    {
        var parts = arn.Split(':', 6);
        if (parts.Length != 6 || parts[0] != "arn" || parts[1].Length == 0 || parts[2] != "ses")
        {
            throw new AwsError(400, SesV2Wire.Errors.BadRequest, $"Invalid ResourceArn: {arn}.");
        }

        if (parts[3] != scope.Region || parts[4] != scope.AccountId || !parts[5].StartsWith(ResourcePrefix, StringComparison.Ordinal) || parts[5].Length == ResourcePrefix.Length)
        {
            throw new AwsError(404, SesV2Wire.Errors.NotFound, $"Resource {arn} does not exist.");
        }

        return parts[5][ResourcePrefix.Length..];
    }
}
