using System.Security;
using MailFromConsole.Aws.Tests.Infrastructure;
using MailFromConsole.Core.Route53;

namespace MailFromConsole.Aws.Tests.Route53;

public sealed class Route53ZoneLookupTests
{
    private sealed record Zone(string Id, string Name, bool Private);

    /// <summary>Answers ListHostedZonesByName as Route 53 does: every zone from the given name onward, in reversed-label order.</summary>
    private static Func<RecordedRequest, CannedResponse> ListingOf(params Zone[] zones) => request =>
    {
        var from = ReversedLabels(request.QueryValue("dnsname") ?? "");
        var listed = zones.OrderBy(z => ReversedLabels(z.Name), StringComparer.Ordinal)
            .Where(z => string.CompareOrdinal(ReversedLabels(z.Name), from) >= 0);
        var xml = string.Concat(listed.Select(z => $"""
            <HostedZone><Id>/hostedzone/{z.Id}</Id><Name>{SecurityElement.Escape(z.Name)}</Name><CallerReference>ref-{z.Id}</CallerReference>
            <Config><PrivateZone>{(z.Private ? "true" : "false")}</PrivateZone></Config><ResourceRecordSetCount>2</ResourceRecordSetCount></HostedZone>
            """));
        return CannedResponse.Ok($"""
            <?xml version="1.0" encoding="UTF-8"?>
            <ListHostedZonesByNameResponse xmlns="{AwsExamples.Route53Namespace}">
              <HostedZones>{xml}</HostedZones><IsTruncated>false</IsTruncated><MaxItems>100</MaxItems>
            </ListHostedZonesByNameResponse>
            """);
    };

    private static string ReversedLabels(string name) => string.Join('.', name.TrimEnd('.').ToLowerInvariant().Split('.').Reverse());

    [Fact]
    public async Task ListHostedZonesByNameSendsASignedGetAndParsesTheApiReferenceExample()
    {
        await using var aws = await AwsClientHarness.StartAsync(_ => CannedResponse.Ok($"""
            <?xml version="1.0" encoding="UTF-8"?>
            <ListHostedZonesByNameResponse xmlns="{AwsExamples.Route53Namespace}">
               <HostedZones>
                  <HostedZone>
                     <Id>/hostedzone/Z111111QQQQQQQ</Id>
                     <Name>example2.com.</Name>
                     <CallerReference>MyUniqueIdentifier2</CallerReference>
                     <Config><Comment>This is my second hosted zone.</Comment><PrivateZone>false</PrivateZone></Config>
                     <ResourceRecordSetCount>42</ResourceRecordSetCount>
                  </HostedZone>
               </HostedZones>
               <DNSName>example2.com</DNSName>
               <IsTruncated>true</IsTruncated>
               <NextDNSName>example3.com.</NextDNSName>
               <NextHostedZoneId>Z222222VVVVVVV</NextHostedZoneId>
               <MaxItems>1</MaxItems>
            </ListHostedZonesByNameResponse>
            """));

        var page = await aws.Route53.ListHostedZonesByNameAsync("example2.com", null, 1);

        Assert.Equal([new HostedZone("Z111111QQQQQQQ", "example2.com.", false, 42)], page.HostedZones);
        Assert.True(page.IsTruncated);
        Assert.Equal("example3.com.", page.NextDnsName);
        Assert.Equal("Z222222VVVVVVV", page.NextHostedZoneId);
        var request = Assert.Single(aws.Server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal("/2013-04-01/hostedzonesbyname", request.Path);
        Assert.Equal([new("dnsname", "example2.com"), new("maxitems", "1")], request.Query);
        var authorization = SigV4Verifier.ParseAuthorization(request.Header("Authorization")!);
        Assert.Equal("us-east-1", authorization.Region);
        Assert.Equal("route53", authorization.Service);
        Assert.True(SigV4Verifier.Verify(request, AwsClientHarness.SecretAccessKey));
    }

    [Fact]
    public async Task FindsTheDeepestPublicZoneAskingForEachParentDeepestFirst()
    {
        await using var aws = await AwsClientHarness.StartAsync(ListingOf(
            new Zone("ZCOM", "example.com.", false),
            new Zone("ZPRIVATE", "mail.example.com.", true),
            new Zone("ZOTHER", "other.com.", false)));

        var zone = await aws.Route53.FindPublicHostedZoneAsync("Bounce.Mail.Example.com.");

        Assert.Equal(new HostedZone("ZCOM", "example.com.", false, 2), zone);
        Assert.Equal(["bounce.mail.example.com.", "mail.example.com.", "example.com."], aws.Server.Requests.Select(r => r.QueryValue("dnsname")));
    }

    [Fact]
    public async Task InternationalNamesAreLookedUpInTheirPunycodeForm()
    {
        await using var aws = await AwsClientHarness.StartAsync(ListingOf(new Zone("ZIDN", "xn--bcher-kva.example.", false)));

        var zone = await aws.Route53.FindPublicHostedZoneAsync("mail.Bücher.example");

        Assert.Equal("ZIDN", zone?.Id);
        Assert.Equal(["mail.xn--bcher-kva.example.", "xn--bcher-kva.example."], aws.Server.Requests.Select(r => r.QueryValue("dnsname")));
    }

    [Fact]
    public async Task PrefersTheDeeperPublicZoneWhenBothParentAndChildAreHosted()
    {
        await using var aws = await AwsClientHarness.StartAsync(ListingOf(
            new Zone("ZCOM", "example.com.", false),
            new Zone("ZMAIL", "mail.example.com.", false)));

        var zone = await aws.Route53.FindPublicHostedZoneAsync("bounce.mail.example.com");

        Assert.Equal("ZMAIL", zone?.Id);
    }

    [Fact]
    public async Task DoesNotTakeAZoneWhoseNameIsOnlyAStringSuffix()
    {
        await using var aws = await AwsClientHarness.StartAsync(ListingOf(new Zone("ZEX", "example.com.", false)));

        Assert.Null(await aws.Route53.FindPublicHostedZoneAsync("mail.notexample.com"));
        Assert.Null(await aws.Route53.FindPublicHostedZoneAsync("example.com.evil.net"));
    }

    [Fact]
    public async Task SkipsAPrivateZoneWithTheSameNameAndFindsThePublicOne()
    {
        await using var aws = await AwsClientHarness.StartAsync(ListingOf(
            new Zone("ZAPRIVATE", "example.com.", true),
            new Zone("ZBPUBLIC", "example.com.", false)));

        var zone = await aws.Route53.FindPublicHostedZoneAsync("mail.example.com");

        Assert.Equal("ZBPUBLIC", zone?.Id);
    }

    [Fact]
    public async Task DecodesOctalEscapesInZoneNames()
    {
        await using var aws = await AwsClientHarness.StartAsync(ListingOf(new Zone("ZSTAR", @"\052.example.com.", false)));

        var page = await aws.Route53.ListHostedZonesByNameAsync(null, null, null);

        Assert.Equal("*.example.com.", Assert.Single(page.HostedZones).Name);
    }
}
