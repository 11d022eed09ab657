using MailFromConsole.Core;
using MailFromConsole.Core.Route53;

namespace MailFromConsole.Web.Infrastructure.Errors;

/// <summary>Plain words for the AWS error codes the console meets, with AWS's own message kept for detail.</summary>
public static class AwsErrorText
{
    public static string Describe(AwsServiceException ex)
    {
        var lead = ex switch
        {
            AwsCredentialsException { ErrorCode: AwsCredentialsException.SsoLoginRequired } sso =>
                $"The AWS SSO sign-in is missing or has expired: run `aws sso login --profile {sso.Profile ?? "default"}` and try again.",
            AwsCredentialsException { Profile: { } profile } => $"The AWS credentials of profile '{profile}' could not be obtained.",
            AssumeRoleException { ErrorCode: "MissingRoleArn" } => "An Aws:Route53Accounts entry has no RoleArn: set the role to assume for that domain.",
            AssumeRoleException role =>
                $"AWS refused to let the console assume {role.RoleArn} for Route 53 in that account (Aws:Route53Accounts): check that the role exists, that its trust policy allows the console's account and, if it asks for one, the external id.",
            _ => Lead(ex),
        };
        return string.IsNullOrWhiteSpace(ex.AwsMessage) ? lead : $"{lead} ({Readable(ex.AwsMessage)})";
    }

    private static string Lead(AwsServiceException ex) =>
        ex.ErrorCode switch
        {
            "Throttling" or "ThrottlingException" => "AWS is throttling requests (rate exceeded). Wait a few seconds and try again.",
            "PriorRequestNotComplete" => "Route 53 is still applying a previous change to this zone. Try again in a few seconds.",
            "MailFromDomainNotVerified" or "MailFromDomainNotVerifiedException" =>
                "SES rejected the message: the custom MAIL FROM domain is not verified yet and the behaviour is \"Reject message\".",
            "InvalidChangeBatch" => "Route 53 refused the change.",
            "NoSuchHostedZone" => "The hosted zone no longer exists in Route 53.",
            "InvalidParameterValue" => "SES refused the value.",
            "NetworkError" => "Could not reach the AWS endpoint. Check the network or the configured service URL and try again.",
            "RequestTimeout" => "AWS did not answer in time. Try again in a moment.",
            "CredentialsNotAvailable" => "No AWS credentials were found. Configure a profile, environment variables or an instance role.",
            "SignatureDoesNotMatch" or "InvalidClientTokenId" or "UnrecognizedClientException" =>
                "AWS refused the credentials. Check the configured profile or access keys.",
            "ExpiredToken" or "ExpiredTokenException" or "RequestExpired" =>
                "The AWS session has expired. Renew the credentials (for an SSO profile: `aws sso login`) and try again.",
            "AccessDenied" or "AccessDeniedException" => "The AWS credentials are not allowed to do this.",
            _ => $"{ex.Service} returned {ex.ErrorCode}.",
        };

    /// <summary>AWS messages quote the input back: escaped and cut like any untrusted text, at a message's length.</summary>
    public static string Readable(string text) => MessageText.Escape(text, 300);
}
