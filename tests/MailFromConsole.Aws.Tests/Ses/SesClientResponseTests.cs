using MailFromConsole.Aws.Ses;
using MailFromConsole.Aws.Tests.Infrastructure;
using MailFromConsole.Core;
using MailFromConsole.Core.Ses;

namespace MailFromConsole.Aws.Tests.Ses;

public sealed class SesClientResponseTests
{
    [Fact]
    public async Task ListIdentitiesParsesTheApiReferenceExampleAndSendsTheFilter()
    {
        await using var aws = await AwsClientHarness.StartAsync(_ => CannedResponse.Ok($"""
            <ListIdentitiesResponse xmlns="{AwsExamples.SesNamespace}">
              <ListIdentitiesResult>
                <Identities>
                  <member>example.com</member>
                  <member>user@example.com</member>
                </Identities>
              </ListIdentitiesResult>
              <ResponseMetadata><RequestId>cacecf23-9bf1-11e1-9279-0100e8cf109a</RequestId></ResponseMetadata>
            </ListIdentitiesResponse>
            """));

        var page = await aws.Ses.ListIdentitiesAsync("us-east-1", IdentityType.Domain, "token-1", 50);

        Assert.Equal(["example.com", "user@example.com"], page.Identities);
        Assert.Null(page.NextToken);
        var request = Assert.Single(aws.Server.Requests);
        Assert.Equal("Domain", request.FormValue("IdentityType"));
        Assert.Equal("token-1", request.FormValue("NextToken"));
        Assert.Equal("50", request.FormValue("MaxItems"));
    }

    [Fact]
    public async Task GetMailFromAttributesParsesTheApiReferenceExample()
    {
        await using var aws = await AwsClientHarness.StartAsync(_ => CannedResponse.Ok($"""
            <GetIdentityMailFromDomainAttributesResponse xmlns="{AwsExamples.SesNamespace}">
              <GetIdentityMailFromDomainAttributesResult>
                <MailFromDomainAttributes>
                  <entry>
                    <key>example.com</key>
                    <value>
                      <MailFromDomain>bounce.example.com</MailFromDomain>
                      <MailFromDomainStatus>Success</MailFromDomainStatus>
                      <BehaviorOnMXFailure>RejectMessage</BehaviorOnMXFailure>
                    </value>
                  </entry>
                  <entry>
                    <key>user@example.net</key>
                    <value><BehaviorOnMXFailure>UseDefaultValue</BehaviorOnMXFailure></value>
                  </entry>
                </MailFromDomainAttributes>
              </GetIdentityMailFromDomainAttributesResult>
              <ResponseMetadata><RequestId>9c5c5f3e-8b3e-11e5-8d7e-0f4d8c2f5b6a</RequestId></ResponseMetadata>
            </GetIdentityMailFromDomainAttributesResponse>
            """));

        var attributes = await aws.Ses.GetIdentityMailFromDomainAttributesAsync("us-east-1", ["example.com", "user@example.net", "unknown.example"]);

        Assert.Equal(new IdentityMailFromDomainAttributes("bounce.example.com", CustomMailFromStatus.Success, BehaviorOnMxFailure.RejectMessage), attributes["example.com"]);
        Assert.Equal(new IdentityMailFromDomainAttributes(null, null, BehaviorOnMxFailure.UseDefaultValue), attributes["user@example.net"]);
        Assert.False(attributes.ContainsKey("unknown.example"));
        var request = Assert.Single(aws.Server.Requests);
        Assert.Equal(["example.com", "user@example.net", "unknown.example"],
            request.Form.Where(p => p.Key.StartsWith("Identities.member.", StringComparison.Ordinal)).Select(p => p.Value));
        Assert.Equal("Identities.member.3", request.Form[^1].Key);
    }

    [Fact]
    public async Task GetMailFromAttributesSplits250IdentitiesIntoThreeCallsOfAtMost100()
    {
        await using var aws = await AwsClientHarness.StartAsync(request =>
            CannedResponse.Ok(AwsExamples.MailFromAttributes(request.Form.Where(p => p.Key.StartsWith("Identities.member.", StringComparison.Ordinal)).Select(p => p.Value))));
        var identities = Enumerable.Range(0, 250).Select(i => $"d{i}.example.com").ToList();

        var attributes = await aws.Ses.GetIdentityMailFromDomainAttributesAsync("us-east-1", identities);

        Assert.Equal(250, attributes.Count);
        Assert.Equal("bounce.d249.example.com", attributes["d249.example.com"].MailFromDomain);
        var batches = aws.Server.Requests.Select(r => r.Form.Where(p => p.Key.StartsWith("Identities.member.", StringComparison.Ordinal)).Select(p => p.Value).ToList()).ToList();
        Assert.Equal([100, 100, 50], batches.Select(b => b.Count));
        Assert.Equal(identities, batches.SelectMany(b => b));
        Assert.All(aws.Server.Requests, r => Assert.Equal("Identities.member.1", r.Form[2].Key));
    }

    [Fact]
    public async Task GetVerificationAttributesAlsoBatchesAndParsesStatusAndToken()
    {
        await using var aws = await AwsClientHarness.StartAsync(_ => CannedResponse.Ok($"""
            <GetIdentityVerificationAttributesResponse xmlns="{AwsExamples.SesNamespace}">
              <GetIdentityVerificationAttributesResult>
                <VerificationAttributes>
                  <entry><key>domain.com</key><value><VerificationStatus>Pending</VerificationStatus><VerificationToken>QTKknzFg2J4ygwa+XvHAxUl1hyHoY0gVfZdfjIedHZ0=</VerificationToken></value></entry>
                  <entry><key>user@domain.com</key><value><VerificationStatus>Success</VerificationStatus></value></entry>
                </VerificationAttributes>
              </GetIdentityVerificationAttributesResult>
              <ResponseMetadata><RequestId>1d0c29f1-9bf3-11e1-8ee7-c98a0037a2b6</RequestId></ResponseMetadata>
            </GetIdentityVerificationAttributesResponse>
            """));

        var attributes = await aws.Ses.GetIdentityVerificationAttributesAsync("us-east-1", Enumerable.Range(0, 101).Select(i => $"x{i}.com").ToList());

        Assert.Equal(new IdentityVerificationAttributes(VerificationStatus.Pending, "QTKknzFg2J4ygwa+XvHAxUl1hyHoY0gVfZdfjIedHZ0="), attributes["domain.com"]);
        Assert.Equal(new IdentityVerificationAttributes(VerificationStatus.Success, null), attributes["user@domain.com"]);
        Assert.Equal(2, aws.Server.Requests.Count);
        Assert.All(aws.Server.Requests, r => Assert.Equal("GetIdentityVerificationAttributes", r.FormValue("Action")));
    }

    [Fact]
    public async Task GetDkimAttributesParsesTokensStatusAndSigningAndBatchesBy100()
    {
        await using var aws = await AwsClientHarness.StartAsync(_ => CannedResponse.Ok($"""
            <GetIdentityDkimAttributesResponse xmlns="{AwsExamples.SesNamespace}">
              <GetIdentityDkimAttributesResult>
                <DkimAttributes>
                  <entry><key>amazon.com</key><value>
                    <DkimEnabled>true</DkimEnabled>
                    <DkimVerificationStatus>Success</DkimVerificationStatus>
                    <DkimTokens>
                      <member>vvjuipp74whm76gqoni7qmwwn4w4qusjiainivf6f</member>
                      <member>3frqe7jn4obpuxjpwpolz6ipb3k5nvt2nhjpik2oy</member>
                      <member>wrqplteh7oodxnad7hsl4mixg2uavzneazxv5sxi2</member>
                    </DkimTokens>
                  </value></entry>
                  <entry><key>user@example.com</key><value>
                    <DkimEnabled>false</DkimEnabled>
                    <DkimVerificationStatus>NotStarted</DkimVerificationStatus>
                  </value></entry>
                </DkimAttributes>
              </GetIdentityDkimAttributesResult>
              <ResponseMetadata><RequestId>bb5a105d-c468-11e1-82eb-dff885ccc06a</RequestId></ResponseMetadata>
            </GetIdentityDkimAttributesResponse>
            """));

        var attributes = await aws.Ses.GetIdentityDkimAttributesAsync("us-east-1", Enumerable.Range(0, 150).Select(i => $"d{i}.example.com").Append("amazon.com").ToList());

        var amazon = attributes["amazon.com"];
        Assert.True(amazon.DkimEnabled);
        Assert.Equal(VerificationStatus.Success, amazon.DkimVerificationStatus);
        Assert.Equal(["vvjuipp74whm76gqoni7qmwwn4w4qusjiainivf6f", "3frqe7jn4obpuxjpwpolz6ipb3k5nvt2nhjpik2oy", "wrqplteh7oodxnad7hsl4mixg2uavzneazxv5sxi2"], amazon.DkimTokens);
        Assert.False(attributes["user@example.com"].DkimEnabled);
        Assert.Empty(attributes["user@example.com"].DkimTokens);
        Assert.Equal(2, aws.Server.Requests.Count);
        Assert.All(aws.Server.Requests, r => Assert.Equal("GetIdentityDkimAttributes", r.FormValue("Action")));
    }

    [Fact]
    public async Task GetNotificationAttributesReadsFeedbackForwarding()
    {
        await using var aws = await AwsClientHarness.StartAsync(_ => CannedResponse.Ok($"""
            <GetIdentityNotificationAttributesResponse xmlns="{AwsExamples.SesNamespace}">
              <GetIdentityNotificationAttributesResult>
                <NotificationAttributes>
                  <entry><key>user@example.com</key><value>
                    <ForwardingEnabled>true</ForwardingEnabled>
                    <BounceTopic>arn:aws:sns:us-east-1:123456789012:example</BounceTopic>
                    <ComplaintTopic>arn:aws:sns:us-east-1:123456789012:example</ComplaintTopic>
                    <DeliveryTopic>arn:aws:sns:us-east-1:123456789012:example</DeliveryTopic>
                  </value></entry>
                  <entry><key>example.com</key><value><ForwardingEnabled>false</ForwardingEnabled></value></entry>
                </NotificationAttributes>
              </GetIdentityNotificationAttributesResult>
              <ResponseMetadata><RequestId>e038e509-b72a-11e1-901f-1fbd90e8104f</RequestId></ResponseMetadata>
            </GetIdentityNotificationAttributesResponse>
            """));

        var attributes = await aws.Ses.GetIdentityNotificationAttributesAsync("us-east-1", ["user@example.com", "example.com"]);

        Assert.True(attributes["user@example.com"].ForwardingEnabled);
        Assert.Equal("arn:aws:sns:us-east-1:123456789012:example", attributes["user@example.com"].BounceTopic);
        Assert.Equal(new IdentityNotificationAttributes(null, null, null, false), attributes["example.com"]);
    }

    [Fact]
    public async Task ErrorResponseBecomesATypedExceptionWithCodeMessageAndRequestId()
    {
        await using var aws = await AwsClientHarness.StartAsync(_ =>
            new CannedResponse(400, AwsExamples.SesError("InvalidParameterValue", "Identity 'nobody.example' does not exist.")));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            aws.Ses.SetIdentityMailFromDomainAsync("us-east-1", "nobody.example", "mail.nobody.example", null));

        Assert.Equal("InvalidParameterValue", error.ErrorCode);
        Assert.Equal("Identity 'nobody.example' does not exist.", error.AwsMessage);
        Assert.Equal("a6e3b3e4-6e1b-11e6-b35a-8d0c4bff5b3a", error.RequestId);
        Assert.Equal(400, error.StatusCode);
        Assert.Single(aws.Server.Requests);
    }

    [Fact]
    public async Task SendEmailRejectedForMailFromReportsTheModelsErrorCode()
    {
        await using var aws = await AwsClientHarness.StartAsync(_ =>
            new CannedResponse(400, AwsExamples.SesError("MailFromDomainNotVerifiedException", "MAIL FROM domain bounce.example.com is not verified.")));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            aws.Ses.SendEmailAsync("us-east-1", new SendEmailRequest("a@example.com", ["b@example.net"], "s", "t")));

        Assert.Equal("MailFromDomainNotVerifiedException", error.ErrorCode);
        Assert.Single(aws.Server.Requests);
    }
}
