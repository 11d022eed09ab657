using MailFromConsole.Aws.Tests.Infrastructure;

namespace MailFromConsole.Aws.Tests;

/// <summary>One loopback recorder and one client for the whole table; each test looks only at the requests it caused.</summary>
public sealed class HostileWireFixture : IAsyncLifetime
{
    public AwsClientHarness Aws { get; private set; } = null!;

    public async Task InitializeAsync() => Aws = await AwsClientHarness.StartAsync(Respond);

    public async Task DisposeAsync() => await Aws.DisposeAsync();

    private static CannedResponse Respond(RecordedRequest request)
    {
        if (request.Path.Contains("/rrset", StringComparison.Ordinal))
            return CannedResponse.Ok($"""
                <?xml version="1.0" encoding="UTF-8"?>
                <ChangeResourceRecordSetsResponse xmlns="{AwsExamples.Route53Namespace}">
                  <ChangeInfo><Id>/change/C2682N5HXP0BZ4</Id><Status>PENDING</Status><SubmittedAt>2017-03-10T01:36:41.958Z</SubmittedAt></ChangeInfo>
                </ChangeResourceRecordSetsResponse>
                """);
        if (request.Path.Contains("hostedzonesbyname", StringComparison.Ordinal))
            return CannedResponse.Ok($"""
                <?xml version="1.0" encoding="UTF-8"?>
                <ListHostedZonesByNameResponse xmlns="{AwsExamples.Route53Namespace}">
                  <HostedZones/><IsTruncated>false</IsTruncated><MaxItems>100</MaxItems>
                </ListHostedZonesByNameResponse>
                """);
        return request.FormValue("Action") switch
        {
            "VerifyDomainIdentity" => CannedResponse.Ok($"""
                <VerifyDomainIdentityResponse xmlns="{AwsExamples.SesNamespace}">
                  <VerifyDomainIdentityResult><VerificationToken>QTKknzFg2J4ygwa+XvHAxUl1hyHoY0gVfZdfjIedHZ0=</VerificationToken></VerifyDomainIdentityResult>
                  <ResponseMetadata><RequestId>94f6368e-9bf2-11e1-8ee7-c98a0037a2b6</RequestId></ResponseMetadata>
                </VerifyDomainIdentityResponse>
                """),
            "GetIdentityMailFromDomainAttributes" => CannedResponse.Ok(AwsExamples.MailFromAttributes([])),
            var action => CannedResponse.Ok(AwsExamples.SesEmpty(action ?? "Unknown")),
        };
    }
}
