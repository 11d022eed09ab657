namespace MailFromConsole.Aws.Sts;

/// <summary>
/// Every name the STS client puts on or reads from the wire, in one place: a test checks each operation and member
/// against botocore's service model for STS 2011-06-15.
/// </summary>
internal static class StsWire
{
    public const string SigningName = "sts";
    public const string ApiVersion = "2011-06-15";

    internal static class Operations
    {
        public const string GetCallerIdentity = "GetCallerIdentity";
        public const string AssumeRole = "AssumeRole";
    }

    internal static class Members
    {
        public const string Account = "Account";
        public const string Arn = "Arn";
        public const string UserId = "UserId";
        public const string RoleArn = "RoleArn";
        public const string RoleSessionName = "RoleSessionName";
        public const string ExternalId = "ExternalId";
        public const string Credentials = "Credentials";
        public const string AccessKeyId = "AccessKeyId";
        public const string SecretAccessKey = "SecretAccessKey";
        public const string SessionToken = "SessionToken";
        public const string Expiration = "Expiration";
        public const string AssumedRoleUser = "AssumedRoleUser";
    }
}
