using System.Net;
using MailFromConsole.LocalAws.Tests.Support;
using static MailFromConsole.LocalAws.Tests.Support.Route53Xml;

namespace MailFromConsole.LocalAws.Tests;

/// <summary>
/// Error documents byte for byte in AWS's framing (real answers quoted in aws-sdk-kotlin PR #1435, aws-cli issue
/// #2071 for Route 53; boto's printed SES errors): parsers that read more than botocore does see what AWS sends.
/// </summary>
public sealed class ErrorFramingTests
{
    [Fact]
    public async Task Route53InvalidChangeBatchIsOneLineErrorResponseWithTheProblemsInOneMessage()
    {
        await using var aws = await LocalAwsFixture.StartAsync();
        var zone = await ZoneIdAsync(aws, "two-mx.test.");

        var answer = await aws.Route53Async(HttpMethod.Post, $"/2013-04-01/hostedzone/{zone}/rrset/", Batch(
            Change("CREATE", "mail.two-mx.test", "MX", 300, "10 feedback-smtp.us-east-1.amazonses.com")));

        var requestId = answer.Value("RequestId");
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(
            "<?xml version=\"1.0\"?>\n<ErrorResponse xmlns=\"https://route53.amazonaws.com/doc/2013-04-01/\"><Error><Type>Sender</Type>" +
            "<Code>InvalidChangeBatch</Code><Message>[Tried to create resource record set [name='mail.two-mx.test.', type='MX'] but it already exists]</Message>" +
            $"</Error><RequestId>{requestId}</RequestId></ErrorResponse>",
            answer.Text);
    }

    [Fact]
    public async Task SesErrorIsIndentedErrorResponseWithoutAnXmlDeclaration()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        var answer = await aws.SesAsync("GetIdentityMailFromDomainAttributes");

        var requestId = answer.Value("RequestId");
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(
            $"""
            <ErrorResponse xmlns="http://ses.amazonaws.com/doc/2010-12-01/">
              <Error>
                <Type>Sender</Type>
                <Code>{answer.ErrorCode}</Code>
                <Message>{answer.ErrorMessage}</Message>
              </Error>
              <RequestId>{requestId}</RequestId>
            </ErrorResponse>

            """.ReplaceLineEndings("\n"),
            answer.Text);
    }
}
