namespace MailFromConsole.LocalAws.SesV2;

/// <summary>
/// Every name the local SES API v2 (REST-JSON, 2019-09-27) reads or writes, in one place: a test checks operations,
/// routes, members, enum values and error codes against botocore's sesv2 model.
/// </summary>
internal static class SesV2Wire
{
    public const string SigningName = "ses";

    /// <summary>Operation names, as rate limits, fault rules and logs name them.</summary>
    internal static class Operations
    {
        public const string CreateEmailIdentity = "CreateEmailIdentity";
        public const string GetEmailIdentity = "GetEmailIdentity";
        public const string ListEmailIdentities = "ListEmailIdentities";
        public const string DeleteEmailIdentity = "DeleteEmailIdentity";
        public const string PutEmailIdentityMailFromAttributes = "PutEmailIdentityMailFromAttributes";
        public const string PutEmailIdentityDkimAttributes = "PutEmailIdentityDkimAttributes";
        public const string TagResource = "TagResource";
        public const string UntagResource = "UntagResource";
        public const string ListTagsForResource = "ListTagsForResource";
    }

    /// <summary>Request URIs as the model writes them; <c>{EmailIdentity}</c> is one path segment.</summary>
    internal static class Paths
    {
        public const string Identities = "/v2/email/identities";
        public const string Identity = "/v2/email/identities/{EmailIdentity}";
        public const string MailFrom = "/v2/email/identities/{EmailIdentity}/mail-from";
        public const string Dkim = "/v2/email/identities/{EmailIdentity}/dkim";
        public const string Tags = "/v2/email/tags";
    }

    /// <summary>JSON member and query-string names.</summary>
    internal static class Members
    {
        public const string EmailIdentity = "EmailIdentity";
        public const string Tags = "Tags";
        public const string Key = "Key";
        public const string Value = "Value";
        public const string DkimSigningAttributes = "DkimSigningAttributes";
        public const string DomainSigningPrivateKey = "DomainSigningPrivateKey";
        public const string ConfigurationSetName = "ConfigurationSetName";
        public const string IdentityType = "IdentityType";
        public const string VerifiedForSendingStatus = "VerifiedForSendingStatus";
        public const string FeedbackForwardingStatus = "FeedbackForwardingStatus";
        public const string VerificationStatus = "VerificationStatus";
        public const string DkimAttributes = "DkimAttributes";
        public const string SigningEnabled = "SigningEnabled";
        public const string Status = "Status";
        public const string Tokens = "Tokens";
        public const string SigningAttributesOrigin = "SigningAttributesOrigin";
        public const string NextSigningKeyLength = "NextSigningKeyLength";
        public const string CurrentSigningKeyLength = "CurrentSigningKeyLength";
        public const string LastKeyGenerationTimestamp = "LastKeyGenerationTimestamp";
        public const string MailFromAttributes = "MailFromAttributes";
        public const string MailFromDomain = "MailFromDomain";
        public const string MailFromDomainStatus = "MailFromDomainStatus";
        public const string BehaviorOnMxFailure = "BehaviorOnMxFailure";
        public const string Policies = "Policies";
        public const string EmailIdentities = "EmailIdentities";
        public const string IdentityName = "IdentityName";
        public const string SendingEnabled = "SendingEnabled";
        public const string NextToken = "NextToken";
        public const string PageSize = "PageSize";
        public const string ResourceArn = "ResourceArn";
        public const string TagKeys = "TagKeys";
    }

    /// <summary>Enum values, each with the model enum (shape) it belongs to.</summary>
    internal static class Values
    {
        public const string EmailAddress = "EMAIL_ADDRESS";
        public const string Domain = "DOMAIN";
        public const string Pending = "PENDING";
        public const string Success = "SUCCESS";
        public const string Failed = "FAILED";
        public const string TemporaryFailure = "TEMPORARY_FAILURE";
        public const string NotStarted = "NOT_STARTED";
        public const string UseDefaultValue = "USE_DEFAULT_VALUE";
        public const string RejectMessage = "REJECT_MESSAGE";
        public const string AwsSes = "AWS_SES";
        public const string Rsa1024Bit = "RSA_1024_BIT";
    }

    /// <summary>Error codes (the model's exception shapes), sent in <c>x-amzn-ErrorType</c>.</summary>
    internal static class Errors
    {
        public const string BadRequest = "BadRequestException";
        public const string NotFound = "NotFoundException";
        public const string AlreadyExists = "AlreadyExistsException";
        public const string TooManyRequests = "TooManyRequestsException";
    }

    /// <summary>The header botocore (and every SDK) reads a REST-JSON error code from.</summary>
    public const string ErrorTypeHeader = "x-amzn-ErrorType";
}
