using System.Xml.Linq;
using MailFromConsole.Aws.Tests.Infrastructure;
using MailFromConsole.Core;
using MailFromConsole.Core.Route53;

namespace MailFromConsole.Aws.Tests.Route53;

public sealed class Route53RecordTests
{
    private static readonly XNamespace R53 = AwsExamples.Route53Namespace;

    private const string ChangeInfoResponse = $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <ChangeResourceRecordSetsResponse xmlns="{AwsExamples.Route53Namespace}">
           <ChangeInfo>
              <Id>/change/C2682N5HXP0BZ4</Id>
              <Status>PENDING</Status>
              <SubmittedAt>2017-03-10T01:36:41.958Z</SubmittedAt>
              <Comment>MAIL FROM records</Comment>
           </ChangeInfo>
        </ChangeResourceRecordSetsResponse>
        """;

    [Fact]
    public async Task ChangeBatchIsWrittenAsRoute53XmlWithTxtQuotedEscapedAndSplit()
    {
        await using var aws = await AwsClientHarness.StartAsync(_ => CannedResponse.Ok(ChangeInfoResponse));
        var longSpf = "v=spf1 " + string.Concat(Enumerable.Repeat("include:a.example.com ", 13)) + "say \"hi\" \\ ~all";
        RecordSetChange[] changes =
        [
            new(ChangeAction.Delete, new ResourceRecordSet("mail.example.com.", "TXT", 300, ["v=spf1 -all", "other text"])),
            new(ChangeAction.Create, new ResourceRecordSet("mail.example.com.", "TXT", 300, [longSpf, "other text"])),
            new(ChangeAction.Create, new ResourceRecordSet("mail.example.com.", "MX", 300, ["10 feedback-smtp.us-east-1.amazonses.com"])),
        ];

        var change = await aws.Route53.ChangeResourceRecordSetsAsync("/hostedzone/Z1D633PJN98FT9", changes, "MAIL FROM records");

        Assert.Equal(new ChangeInfo("C2682N5HXP0BZ4", ChangeStatus.Pending, new DateTimeOffset(2017, 3, 10, 1, 36, 41, 958, TimeSpan.Zero), "MAIL FROM records"), change);
        var request = Assert.Single(aws.Server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/2013-04-01/hostedzone/Z1D633PJN98FT9/rrset/", request.Path);
        Assert.True(SigV4Verifier.Verify(request, AwsClientHarness.SecretAccessKey));
        var root = XDocument.Parse(request.Body).Root!;
        Assert.Equal(R53 + "ChangeResourceRecordSetsRequest", root.Name);
        Assert.Equal("MAIL FROM records", root.Element(R53 + "ChangeBatch")!.Element(R53 + "Comment")!.Value);
        var sent = root.Descendants(R53 + "Change").Select(c => (
            Action: c.Element(R53 + "Action")!.Value,
            Name: c.Element(R53 + "ResourceRecordSet")!.Element(R53 + "Name")!.Value,
            Type: c.Element(R53 + "ResourceRecordSet")!.Element(R53 + "Type")!.Value,
            Ttl: c.Element(R53 + "ResourceRecordSet")!.Element(R53 + "TTL")!.Value,
            Values: c.Descendants(R53 + "Value").Select(v => v.Value).ToList())).ToList();
        Assert.Equal(["DELETE", "CREATE", "CREATE"], sent.Select(s => s.Action));
        Assert.All(sent, s => Assert.Equal(("mail.example.com.", "300"), (s.Name, s.Ttl)));
        Assert.Equal(["\"v=spf1 -all\"", "\"other text\""], sent[0].Values);
        var expectedFirst = longSpf[..255].Replace("\\", "\\\\").Replace("\"", "\\\"");
        var expectedSecond = longSpf[255..].Replace("\\", "\\\\").Replace("\"", "\\\"");
        Assert.Equal([$"\"{expectedFirst}\" \"{expectedSecond}\"", "\"other text\""], sent[1].Values);
        Assert.Equal(("MX", "10 feedback-smtp.us-east-1.amazonses.com"), (sent[2].Type, Assert.Single(sent[2].Values)));
    }

    [Fact]
    public async Task HostileRecordValuesStayTextInsideTheirValueElement()
    {
        await using var aws = await AwsClientHarness.StartAsync(_ => CannedResponse.Ok(ChangeInfoResponse));
        const string hostile = "</Value></ResourceRecord></ResourceRecords></ResourceRecordSet><Action>DELETE</Action>&amp;";

        await aws.Route53.ChangeResourceRecordSetsAsync("Z1D633PJN98FT9",
            [new(ChangeAction.Upsert, new ResourceRecordSet("mail.example.com.", "CNAME", 60, [hostile]))], comment: "<Comment>&");

        var root = XDocument.Parse(Assert.Single(aws.Server.Requests).Body).Root!;
        Assert.Equal(hostile, Assert.Single(root.Descendants(R53 + "Value")).Value);
        Assert.Equal("UPSERT", Assert.Single(root.Descendants(R53 + "Action")).Value);
        Assert.Equal("<Comment>&", Assert.Single(root.Descendants(R53 + "Comment")).Value);
    }

    [Fact]
    public async Task ControlCharactersInTxtValuesAreSentAsOctalEscapes()
    {
        await using var aws = await AwsClientHarness.StartAsync(_ => CannedResponse.Ok(ChangeInfoResponse));

        await aws.Route53.ChangeResourceRecordSetsAsync("Z1",
            [new(ChangeAction.Create, new ResourceRecordSet("mail.example.com.", "TXT", 300, ["a\u0001b\nc"]))], null);

        var value = Assert.Single(XDocument.Parse(Assert.Single(aws.Server.Requests).Body).Descendants(R53 + "Value")).Value;
        Assert.Equal("\"a\\001b\\012c\"", value);
    }

    [Theory]
    [InlineData("Z1/../../change/C1")]
    [InlineData("Z1?x=1")]
    [InlineData("")]
    public async Task RefusesZoneIdsThatCouldChangeThePath(string zoneId)
    {
        await using var aws = await AwsClientHarness.StartAsync(_ => CannedResponse.Ok(ChangeInfoResponse));

        await Assert.ThrowsAsync<ArgumentException>(() => aws.Route53.ListResourceRecordSetsAsync(zoneId, null, null));

        Assert.Empty(aws.Server.Requests);
    }

    [Fact]
    public async Task ListResourceRecordSetsFollowsEveryPageAndJoinsTxtStrings()
    {
        await using var aws = await AwsClientHarness.StartAsync(request => CannedResponse.Ok(request.QueryValue("name") is null
            ? $"""
              <ListResourceRecordSetsResponse xmlns="{AwsExamples.Route53Namespace}">
                 <ResourceRecordSets>
                    <ResourceRecordSet><Name>example.com.</Name><Type>SOA</Type><TTL>900</TTL>
                       <ResourceRecords><ResourceRecord><Value>ns-2048.awsdns-64.net. hostmaster.awsdns.com. 1 7200 900 1209600 86400</Value></ResourceRecord></ResourceRecords>
                    </ResourceRecordSet>
                 </ResourceRecordSets>
                 <IsTruncated>true</IsTruncated><MaxItems>1</MaxItems>
                 <NextRecordName>mail.example.com.</NextRecordName><NextRecordType>TXT</NextRecordType>
              </ListResourceRecordSetsResponse>
              """
            : $"""
              <ListResourceRecordSetsResponse xmlns="{AwsExamples.Route53Namespace}">
                 <ResourceRecordSets>
                    <ResourceRecordSet><Name>Mail.Example.com.</Name><Type>TXT</Type><TTL>300</TTL>
                       <ResourceRecords>
                          <ResourceRecord><Value>"v=spf1 include:amazonses.com" " ~all"</Value></ResourceRecord>
                          <ResourceRecord><Value>"say \"hi\" \\ caf\303\251"</Value></ResourceRecord>
                       </ResourceRecords>
                    </ResourceRecordSet>
                    <ResourceRecordSet><Name>\052.example.com.</Name><Type>MX</Type><TTL>60</TTL>
                       <ResourceRecords><ResourceRecord><Value>10 feedback-smtp.eu-west-1.amazonses.com</Value></ResourceRecord></ResourceRecords>
                    </ResourceRecordSet>
                 </ResourceRecordSets>
                 <IsTruncated>false</IsTruncated><MaxItems>100</MaxItems>
              </ListResourceRecordSetsResponse>
              """));

        var sets = await aws.Route53.ListResourceRecordSetsAsync("Z1D633PJN98FT9", null, null);

        Assert.Equal(3, sets.Count);
        Assert.Equal("SOA", sets[0].Type);
        Assert.Equal(new ResourceRecordSet("mail.example.com.", "TXT", 300, ["v=spf1 include:amazonses.com ~all", "say \"hi\" \\ café"]), sets[1], RecordSetComparer.Instance);
        Assert.Equal("*.example.com.", sets[2].Name);
        Assert.Equal(["10 feedback-smtp.eu-west-1.amazonses.com"], sets[2].Values);
        Assert.Equal([null, "mail.example.com."], aws.Server.Requests.Select(r => r.QueryValue("name")));
        Assert.Equal([null, "TXT"], aws.Server.Requests.Select(r => r.QueryValue("type")));
        Assert.All(aws.Server.Requests, r => Assert.Equal("/2013-04-01/hostedzone/Z1D633PJN98FT9/rrset", r.Path));
    }

    [Fact]
    public async Task TxtValuesRoundTripThroughTheWireFormat()
    {
        var stored = new List<string>();
        await using var aws = await AwsClientHarness.StartAsync(request =>
        {
            if (request.Method == "POST")
            {
                stored.AddRange(XDocument.Parse(request.Body).Descendants(R53 + "Value").Select(v => v.Value));
                return CannedResponse.Ok(ChangeInfoResponse);
            }
            var records = string.Concat(stored.Select(v => new XElement(R53 + "ResourceRecord", new XElement(R53 + "Value", v)).ToString()));
            return CannedResponse.Ok($"""
                <ListResourceRecordSetsResponse xmlns="{AwsExamples.Route53Namespace}"><ResourceRecordSets>
                  <ResourceRecordSet><Name>mail.example.com.</Name><Type>TXT</Type><TTL>300</TTL><ResourceRecords>{records}</ResourceRecords></ResourceRecordSet>
                </ResourceRecordSets><IsTruncated>false</IsTruncated><MaxItems>100</MaxItems></ListResourceRecordSetsResponse>
                """);
        });
        string[] values = [new string('x', 600), "tab\there \"quoted\" back\\slash", "ünïcödé " + new string('é', 200), ""];

        await aws.Route53.ChangeResourceRecordSetsAsync("Z1", [new(ChangeAction.Create, new ResourceRecordSet("mail.example.com.", "TXT", 300, values))], null);
        var read = await aws.Route53.ListResourceRecordSetsAsync("Z1", "mail.example.com.", "TXT");

        Assert.Equal(values, Assert.Single(read).Values);
        Assert.Equal($"\"{new string('x', 255)}\" \"{new string('x', 255)}\" \"{new string('x', 90)}\"", stored[0]);
        Assert.Equal("\"\"", stored[3]);
    }

    [Fact]
    public async Task InvalidChangeBatchBecomesATypedExceptionWithRoute53sMessages()
    {
        await using var aws = await AwsClientHarness.StartAsync(_ => new CannedResponse(400, $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <InvalidChangeBatch xmlns="{AwsExamples.Route53Namespace}">
              <Messages>
                <Message>[Tried to create resource record set [name='mail.example.com.', type='MX'] but it already exists]</Message>
              </Messages>
              <RequestId>b25f48e8-84fd-11e6-80d9-574e0c4664cb</RequestId>
            </InvalidChangeBatch>
            """));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => aws.Route53.ChangeResourceRecordSetsAsync("Z1",
            [new(ChangeAction.Create, new ResourceRecordSet("mail.example.com.", "MX", 300, ["10 feedback-smtp.us-east-1.amazonses.com"]))], null));

        Assert.Equal("InvalidChangeBatch", error.ErrorCode);
        Assert.Equal("[Tried to create resource record set [name='mail.example.com.', type='MX'] but it already exists]", error.AwsMessage);
        Assert.Equal("b25f48e8-84fd-11e6-80d9-574e0c4664cb", error.RequestId);
        Assert.Single(aws.Server.Requests);
    }

    [Fact]
    public async Task NoSuchHostedZoneBecomesATypedException()
    {
        await using var aws = await AwsClientHarness.StartAsync(_ =>
            new CannedResponse(404, AwsExamples.Route53Error("NoSuchHostedZone", "No hosted zone found with ID: Z1")));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => aws.Route53.ListResourceRecordSetsAsync("Z1", null, null));

        Assert.Equal(("NoSuchHostedZone", "No hosted zone found with ID: Z1", 404), (error.ErrorCode, error.AwsMessage, error.StatusCode));
        Assert.Equal("7a62c49f-347e-4fc4-9331-6e8eEXAMPLE", error.RequestId);
    }

    [Fact]
    public async Task GetChangeStripsThePrefixAndReadsInSync()
    {
        await using var aws = await AwsClientHarness.StartAsync(_ => CannedResponse.Ok($"""
            <?xml version="1.0" encoding="UTF-8"?>
            <GetChangeResponse xmlns="{AwsExamples.Route53Namespace}">
               <ChangeInfo><Id>/change/C2682N5HXP0BZ4</Id><Status>INSYNC</Status><SubmittedAt>2017-03-10T01:36:41.958Z</SubmittedAt></ChangeInfo>
            </GetChangeResponse>
            """));

        var change = await aws.Route53.GetChangeAsync("/change/C2682N5HXP0BZ4");

        Assert.Equal(ChangeStatus.InSync, change.Status);
        Assert.Equal("C2682N5HXP0BZ4", change.Id);
        Assert.Equal("/2013-04-01/change/C2682N5HXP0BZ4", Assert.Single(aws.Server.Requests).Path);
    }

    private sealed class RecordSetComparer : IEqualityComparer<ResourceRecordSet>
    {
        public static readonly RecordSetComparer Instance = new();

        public bool Equals(ResourceRecordSet? x, ResourceRecordSet? y) =>
            x is not null && y is not null && (x.Name, x.Type, x.Ttl) == (y.Name, y.Type, y.Ttl) && x.Values.SequenceEqual(y.Values);

        public int GetHashCode(ResourceRecordSet obj) => HashCode.Combine(obj.Name, obj.Type, obj.Ttl);
    }
}
