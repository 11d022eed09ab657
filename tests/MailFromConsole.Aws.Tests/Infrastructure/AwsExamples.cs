namespace MailFromConsole.Aws.Tests.Infrastructure;

/// <summary>Response and error bodies as the AWS API references show them (request ids and values from their examples).</summary>
public static class AwsExamples
{
    public const string SesNamespace = "http://ses.amazonaws.com/doc/2010-12-01/";
    public const string Route53Namespace = "https://route53.amazonaws.com/doc/2013-04-01/";

    public const string StsNamespace = "https://sts.amazonaws.com/doc/2011-06-15/";

    /// <summary>The STS API reference's GetCallerIdentity example (an IAM user).</summary>
    public static string StsCallerIdentity(string account = "123456789012", string arn = "arn:aws:iam::123456789012:user/Alice") => $"""
        <GetCallerIdentityResponse xmlns="{StsNamespace}">
          <GetCallerIdentityResult>
            <Arn>{arn}</Arn>
            <UserId>AKIAI44QH8DHBEXAMPLE</UserId>
            <Account>{account}</Account>
          </GetCallerIdentityResult>
          <ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata>
        </GetCallerIdentityResponse>
        """;

    /// <summary>The STS API reference's AssumeRole example, with the session's key, token and expiry the test chooses.</summary>
    public static string StsAssumeRole(string accessKeyId, string sessionToken, DateTimeOffset expiration, string assumedRoleArn = "arn:aws:sts::123456789012:assumed-role/demo/TestAR") => $"""
        <AssumeRoleResponse xmlns="{StsNamespace}">
          <AssumeRoleResult>
            <SourceIdentity>Alice</SourceIdentity>
            <AssumedRoleUser>
              <Arn>{assumedRoleArn}</Arn>
              <AssumedRoleId>ARO123EXAMPLE123:TestAR</AssumedRoleId>
            </AssumedRoleUser>
            <Credentials>
              <AccessKeyId>{accessKeyId}</AccessKeyId>
              <SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY</SecretAccessKey>
              <SessionToken>{sessionToken}</SessionToken>
              <Expiration>{expiration.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}</Expiration>
            </Credentials>
            <PackedPolicySize>6</PackedPolicySize>
          </AssumeRoleResult>
          <ResponseMetadata><RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId></ResponseMetadata>
        </AssumeRoleResponse>
        """;

    public const string StsAssumedSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY";

    public static string StsError(string code, string message) => $"""
        <ErrorResponse xmlns="{StsNamespace}">
          <Error>
            <Type>Sender</Type>
            <Code>{code}</Code>
            <Message>{message}</Message>
          </Error>
          <RequestId>0b0ac6b5-2c4b-4a8e-8c2b-6c1f0EXAMPLE</RequestId>
        </ErrorResponse>
        """;

    public static string SesEmpty(string action) => $"""
        <{action}Response xmlns="{SesNamespace}">
          <{action}Result/>
          <ResponseMetadata><RequestId>d897c7e2-0f8f-11e6-a2b3-4b6f2c2b7c0e</RequestId></ResponseMetadata>
        </{action}Response>
        """;

    public static string SesError(string code, string message, string type = "Sender") => $"""
        <ErrorResponse xmlns="{SesNamespace}">
          <Error>
            <Type>{type}</Type>
            <Code>{code}</Code>
            <Message>{message}</Message>
          </Error>
          <RequestId>a6e3b3e4-6e1b-11e6-b35a-8d0c4bff5b3a</RequestId>
        </ErrorResponse>
        """;

    public static string Route53Error(string code, string message) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <ErrorResponse xmlns="{Route53Namespace}">
          <Error>
            <Type>Sender</Type>
            <Code>{code}</Code>
            <Message>{message}</Message>
          </Error>
          <RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId>
        </ErrorResponse>
        """;

    public static string MailFromAttributes(IEnumerable<string> identities) => $"""
        <GetIdentityMailFromDomainAttributesResponse xmlns="{SesNamespace}">
          <GetIdentityMailFromDomainAttributesResult>
            <MailFromDomainAttributes>
              {string.Concat(identities.Select(i => $"<entry><key>{i}</key><value><MailFromDomain>bounce.{i}</MailFromDomain><MailFromDomainStatus>Pending</MailFromDomainStatus><BehaviorOnMXFailure>UseDefaultValue</BehaviorOnMXFailure></value></entry>"))}
            </MailFromDomainAttributes>
          </GetIdentityMailFromDomainAttributesResult>
          <ResponseMetadata><RequestId>9c5c5f3e-8b3e-11e5-8d7e-0f4d8c2f5b6a</RequestId></ResponseMetadata>
        </GetIdentityMailFromDomainAttributesResponse>
        """;
}
