using System.Collections.Frozen;

namespace MailFromConsole.Aws.Ses;

/// <summary>
/// Every name the SES client puts on or reads from the wire, in one place: a test checks each operation and member
/// against botocore's service model for SES 2010-12-01.
/// </summary>
internal static class SesWire
{
    public const string SigningName = "ses";
    public const string ApiVersion = "2010-12-01";

    /// <summary>Operation names (the Query API's <c>Action</c>).</summary>
    internal static class Operations
    {
        public const string ListIdentities = "ListIdentities";
        public const string GetIdentityVerificationAttributes = "GetIdentityVerificationAttributes";
        public const string VerifyEmailIdentity = "VerifyEmailIdentity";
        public const string VerifyDomainIdentity = "VerifyDomainIdentity";
        public const string DeleteIdentity = "DeleteIdentity";
        public const string SetIdentityMailFromDomain = "SetIdentityMailFromDomain";
        public const string GetIdentityMailFromDomainAttributes = "GetIdentityMailFromDomainAttributes";
        public const string GetIdentityDkimAttributes = "GetIdentityDkimAttributes";
        public const string VerifyDomainDkim = "VerifyDomainDkim";
        public const string SetIdentityDkimEnabled = "SetIdentityDkimEnabled";
        public const string GetIdentityNotificationAttributes = "GetIdentityNotificationAttributes";
        public const string SetIdentityFeedbackForwardingEnabled = "SetIdentityFeedbackForwardingEnabled";
        public const string SendEmail = "SendEmail";
    }

    /// <summary>Member names of the operations' input and output shapes (request parameters and response elements).</summary>
    internal static class Members
    {
        public const string IdentityType = "IdentityType";
        public const string NextToken = "NextToken";
        public const string MaxItems = "MaxItems";
        public const string Identities = "Identities";
        public const string Identity = "Identity";
        public const string EmailAddress = "EmailAddress";
        public const string Domain = "Domain";
        public const string MailFromDomain = "MailFromDomain";
        public const string MailFromDomainStatus = "MailFromDomainStatus";
        public const string BehaviorOnMxFailure = "BehaviorOnMXFailure";
        public const string ForwardingEnabled = "ForwardingEnabled";
        public const string VerificationAttributes = "VerificationAttributes";
        public const string VerificationStatus = "VerificationStatus";
        public const string VerificationToken = "VerificationToken";
        public const string MailFromDomainAttributes = "MailFromDomainAttributes";
        public const string NotificationAttributes = "NotificationAttributes";
        public const string DkimAttributes = "DkimAttributes";
        public const string DkimEnabled = "DkimEnabled";
        public const string DkimVerificationStatus = "DkimVerificationStatus";
        public const string DkimTokens = "DkimTokens";
        public const string BounceTopic = "BounceTopic";
        public const string ComplaintTopic = "ComplaintTopic";
        public const string DeliveryTopic = "DeliveryTopic";
        public const string Source = "Source";
        public const string Destination = "Destination";
        public const string ToAddresses = "ToAddresses";
        public const string Message = "Message";
        public const string Subject = "Subject";
        public const string Body = "Body";
        public const string Text = "Text";
        public const string Data = "Data";
        public const string Charset = "Charset";
        public const string MessageId = "MessageId";
    }

    /// <summary>Names the Query protocol itself defines (not in the model's shapes).</summary>
    internal static class Protocol
    {
        public const string Action = "Action";
        public const string Version = "Version";
        public const string ListMember = "member";
        public const string MapEntry = "entry";
        public const string MapKey = "key";
        public const string MapValue = "value";
    }

    /// <summary>The calls SES limits to 1 request/second per region.</summary>
    public static readonly FrozenSet<string> MailFromOperations =
        new[] { Operations.SetIdentityMailFromDomain, Operations.GetIdentityMailFromDomainAttributes }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>SES refuses more than 100 identities in one Get…Attributes call.</summary>
    public const int MaxIdentitiesPerCall = 100;
}
