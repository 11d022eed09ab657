namespace MailFromConsole.LocalAws.Ses;

/// <summary>The SES Query API (2010-12-01) actions the local SES answers; a test checks each against botocore's model.</summary>
internal static class SesOperations
{
    public const string ListIdentities = "ListIdentities";
    public const string GetIdentityVerificationAttributes = "GetIdentityVerificationAttributes";
    public const string VerifyEmailIdentity = "VerifyEmailIdentity";
    public const string VerifyDomainIdentity = "VerifyDomainIdentity";
    public const string DeleteIdentity = "DeleteIdentity";
    public const string SetIdentityMailFromDomain = "SetIdentityMailFromDomain";
    public const string GetIdentityMailFromDomainAttributes = "GetIdentityMailFromDomainAttributes";
    public const string GetIdentityNotificationAttributes = "GetIdentityNotificationAttributes";
    public const string SetIdentityFeedbackForwardingEnabled = "SetIdentityFeedbackForwardingEnabled";
    public const string SetIdentityNotificationTopic = "SetIdentityNotificationTopic";
    public const string SendEmail = "SendEmail";
    public const string VerifyDomainDkim = "VerifyDomainDkim";
    public const string GetIdentityDkimAttributes = "GetIdentityDkimAttributes";
    public const string SetIdentityDkimEnabled = "SetIdentityDkimEnabled";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        ListIdentities, GetIdentityVerificationAttributes, VerifyEmailIdentity, VerifyDomainIdentity, DeleteIdentity,
        SetIdentityMailFromDomain, GetIdentityMailFromDomainAttributes, GetIdentityNotificationAttributes,
        SetIdentityFeedbackForwardingEnabled, SetIdentityNotificationTopic, SendEmail,
        VerifyDomainDkim, GetIdentityDkimAttributes, SetIdentityDkimEnabled,
    };
}
