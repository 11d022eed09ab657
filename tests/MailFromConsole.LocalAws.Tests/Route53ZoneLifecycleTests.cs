using System.Net;
using System.Xml.Linq;
using MailFromConsole.LocalAws.Tests.Support;
using static MailFromConsole.LocalAws.Tests.Support.Route53Xml;

namespace MailFromConsole.LocalAws.Tests;

/// <summary>What infrastructure tools call around a zone: create, tags, comment, DNSSEC, paging, counting, delete.</summary>
public sealed class Route53ZoneLifecycleTests
{
    private static readonly XNamespace Ns = AwsAnswer.Route53;

    [Fact]
    public async Task CreatedZoneAnswersItsLocationDelegationSetAndAChange()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        var created = await aws.Route53Async(HttpMethod.Post, "/2013-04-01/hostedzone", CreateZone("new.test", "ref-location"));
        var id = created.Value("Id")!;

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal("https://route53.amazonaws.com/2013-04-01" + id, created.Location);
        Assert.Equal(4, created.All("NameServer").Count());
        Assert.StartsWith("/change/C", created.All("ChangeInfo").Single().Element(Ns + "Id")!.Value);
        var change = await aws.Route53Async(HttpMethod.Get, "/2013-04-01" + created.All("ChangeInfo").Single().Element(Ns + "Id")!.Value);
        change.ShouldSucceed();
    }

    [Fact]
    public async Task DeletingAZoneIsRefusedWhileItHoldsRecordsBeyondItsSoaAndNs()
    {
        await using var aws = await LocalAwsFixture.StartAsync();
        var id = await CreateAsync(aws, "delete.test", "ref-delete");
        (await aws.Route53Async(HttpMethod.Post, $"/2013-04-01/hostedzone/{id}/rrset/", Batch(
            Change("CREATE", "mail.delete.test", "MX", 300, "10 feedback-smtp.us-east-1.amazonses.com")))).ShouldSucceed();
        await ChangeTagsAsync(aws, id, [("team", "mail")], []);

        var refused = await aws.Route53Async(HttpMethod.Delete, "/2013-04-01/hostedzone/" + id);
        (await aws.Route53Async(HttpMethod.Post, $"/2013-04-01/hostedzone/{id}/rrset/", Batch(
            Change("DELETE", "mail.delete.test", "MX", 300, "10 feedback-smtp.us-east-1.amazonses.com")))).ShouldSucceed();
        var deleted = await aws.Route53Async(HttpMethod.Delete, "/2013-04-01/hostedzone/" + id);
        var gone = await aws.Route53Async(HttpMethod.Get, "/2013-04-01/hostedzone/" + id);
        var tagsGone = await aws.Route53Async(HttpMethod.Get, "/2013-04-01/tags/hostedzone/" + id);
        var change = await aws.Route53Async(HttpMethod.Get, "/2013-04-01" + deleted.Value("Id"));

        refused.ShouldFail(HttpStatusCode.BadRequest, "HostedZoneNotEmpty");
        Assert.Equal("The specified hosted zone contains non-required resource record sets and so cannot be deleted.", refused.ErrorMessage);
        deleted.ShouldSucceed();
        Assert.Equal("DeleteHostedZoneResponse", deleted.Xml.Root!.Name.LocalName);
        gone.ShouldFail(HttpStatusCode.NotFound, "NoSuchHostedZone");
        tagsGone.ShouldFail(HttpStatusCode.NotFound, "NoSuchHostedZone");
        change.ShouldSucceed();
    }

    [Fact]
    public async Task TagsAreAddedReplacedRemovedAndKeptAcrossARestart()
    {
        await using var aws = await LocalAwsFixture.StartAsync();
        var first = await CreateAsync(aws, "tags.test", "ref-tags-1");
        var second = await CreateAsync(aws, "tags2.test", "ref-tags-2");

        await ChangeTagsAsync(aws, first, [("Name", "mail"), ("env", "test"), ("owner", "ops")], []);
        await ChangeTagsAsync(aws, first, [("env", "prod")], ["owner"]);
        await ChangeTagsAsync(aws, second, [("Name", "other")], []);
        await aws.RestartAsync();
        var one = await aws.Route53Async(HttpMethod.Get, "/2013-04-01/tags/hostedzone/" + first);
        var many = await aws.Route53Async(HttpMethod.Post, "/2013-04-01/tags/hostedzone", new XDocument(
            new XElement(Ns + "ListTagsForResourcesRequest",
                new XElement(Ns + "ResourceIds", new XElement(Ns + "ResourceId", first), new XElement(Ns + "ResourceId", second)))));

        one.ShouldSucceed();
        Assert.Equal(first, one.Value("ResourceId"));
        Assert.Equal("hostedzone", one.Value("ResourceType"));
        Assert.Equal(["Name=mail", "env=prod"], Tags(one.All("ResourceTagSet").Single()));
        many.ShouldSucceed();
        Assert.Equal([["Name=mail", "env=prod"], ["Name=other"]], many.All("ResourceTagSet").Select(Tags));
    }

    [Fact]
    public async Task TagsOfAnUnknownZoneOrResourceTypeAreRefusedAsRoute53Does()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        var unknownZone = await aws.Route53Async(HttpMethod.Get, "/2013-04-01/tags/hostedzone/ZNOSUCHZONE");
        var healthCheck = await aws.Route53Async(HttpMethod.Get, "/2013-04-01/tags/healthcheck/abc");
        var otherType = await aws.Route53Async(HttpMethod.Get, "/2013-04-01/tags/bucket/abc");

        unknownZone.ShouldFail(HttpStatusCode.NotFound, "NoSuchHostedZone");
        Assert.Equal("No hosted zone found with ID: ZNOSUCHZONE", unknownZone.ErrorMessage);
        healthCheck.ShouldFail(HttpStatusCode.NotFound, "NoSuchHealthCheck");
        otherType.ShouldFail(HttpStatusCode.BadRequest, "InvalidInput");
    }

    [Fact]
    public async Task ZoneCommentIsUpdatedAndClearedAndDnssecIsNotSigning()
    {
        await using var aws = await LocalAwsFixture.StartAsync();
        var id = await CreateAsync(aws, "comment.test", "ref-comment");

        var updated = await aws.Route53Async(HttpMethod.Post, "/2013-04-01/hostedzone/" + id, new XDocument(
            new XElement(Ns + "UpdateHostedZoneCommentRequest", new XElement(Ns + "Comment", "Managed by Terraform"))));
        var read = await aws.Route53Async(HttpMethod.Get, "/2013-04-01/hostedzone/" + id);
        var cleared = await aws.Route53Async(HttpMethod.Post, "/2013-04-01/hostedzone/" + id, new XDocument(
            new XElement(Ns + "UpdateHostedZoneCommentRequest")));
        var dnssec = await aws.Route53Async(HttpMethod.Get, $"/2013-04-01/hostedzone/{id}/dnssec");

        Assert.Equal("Managed by Terraform", updated.Value("Comment"));
        Assert.Equal("Managed by Terraform", read.Value("Comment"));
        Assert.Null(cleared.Value("Comment"));
        Assert.Equal("NOT_SIGNING", dnssec.Value("ServeSignature"));
        Assert.Empty(dnssec.All("KeySigningKeys").Single().Elements());
    }

    [Fact]
    public async Task ListsZonesPageByPageWithMarkersAndCountsThem()
    {
        await using var aws = await LocalAwsFixture.StartAsync();
        var count = await aws.Route53Async(HttpMethod.Get, "/2013-04-01/hostedzonecount");
        var all = await aws.Route53Async(HttpMethod.Get, "/2013-04-01/hostedzone");

        var seen = new List<string>();
        string? marker = null;
        var pages = 0;
        do
        {
            var page = await aws.Route53Async(HttpMethod.Get, "/2013-04-01/hostedzone?maxitems=2" + (marker is null ? "" : "&marker=" + marker));
            seen.AddRange(page.All("HostedZone").Select(z => z.Element(Ns + "Id")!.Value));
            marker = page.Value("IsTruncated") == "true" ? page.Value("NextMarker") : null;
            pages++;
        }
        while (marker is not null);
        var badMarker = await aws.Route53Async(HttpMethod.Get, "/2013-04-01/hostedzone?marker=ZNOSUCHZONE");

        Assert.Equal("5", count.Value("HostedZoneCount"));
        Assert.Equal(all.All("HostedZone").Select(z => z.Element(Ns + "Id")!.Value), seen);
        Assert.Equal(5, seen.Distinct().Count());
        Assert.Equal(3, pages);
        badMarker.ShouldFail(HttpStatusCode.BadRequest, "InvalidInput");
    }

    [Fact]
    public async Task ListsOneRecordSetFromAStartNameAndTypeAsTerraformReadsARecord()
    {
        await using var aws = await LocalAwsFixture.StartAsync();
        var zone = await ZoneIdAsync(aws, "example.com.");
        (await aws.Route53Async(HttpMethod.Post, $"/2013-04-01/hostedzone/{zone}/rrset/", Batch(
            Change("CREATE", "mail.example.com", "MX", 300, "10 feedback-smtp.us-east-1.amazonses.com"),
            Change("CREATE", "mail.example.com", "TXT", 300, "\"v=spf1 include:amazonses.com ~all\"")))).ShouldSucceed();

        var mx = await aws.Route53Async(HttpMethod.Get, $"/2013-04-01/hostedzone/{zone}/rrset?name=mail.example.com.&type=MX&maxitems=1");
        var txt = await aws.Route53Async(HttpMethod.Get, $"/2013-04-01/hostedzone/{zone}/rrset?name=mail.example.com&type=TXT&maxitems=1");
        var missing = await aws.Route53Async(HttpMethod.Get, $"/2013-04-01/hostedzone/{zone}/rrset?name=mail.example.com&type=SPF&maxitems=1");

        Assert.Equal("10 feedback-smtp.us-east-1.amazonses.com", mx.Value("Value"));
        Assert.Equal("true", mx.Value("IsTruncated"));
        Assert.Equal(("mail.example.com.", "TXT"), (mx.Value("NextRecordName"), mx.Value("NextRecordType")));
        Assert.Equal("1", mx.Value("MaxItems"));
        Assert.Equal("\"v=spf1 include:amazonses.com ~all\"", txt.Value("Value"));
        Assert.Equal("false", txt.Value("IsTruncated"));
        // No SPF set: the list starts at the next one in Route 53 order (name, then type): the caller sees the next set, not an error.
        Assert.Equal("TXT", missing.All("ResourceRecordSet").Single().Element(Ns + "Type")!.Value);
    }

    private static async Task<string> CreateAsync(LocalAwsFixture aws, string name, string callerReference)
    {
        var created = await aws.Route53Async(HttpMethod.Post, "/2013-04-01/hostedzone", CreateZone(name, callerReference));
        created.ShouldSucceed();
        return created.Value("Id")!.Replace("/hostedzone/", "", StringComparison.Ordinal);
    }

    private static async Task ChangeTagsAsync(LocalAwsFixture aws, string id, (string Key, string Value)[] add, string[] remove)
    {
        var request = new XElement(Ns + "ChangeTagsForResourceRequest",
            add.Length == 0 ? null : new XElement(Ns + "AddTags", add.Select(t => new XElement(Ns + "Tag", new XElement(Ns + "Key", t.Key), new XElement(Ns + "Value", t.Value)))),
            remove.Length == 0 ? null : new XElement(Ns + "RemoveTagKeys", remove.Select(k => new XElement(Ns + "Key", k))));
        (await aws.Route53Async(HttpMethod.Post, "/2013-04-01/tags/hostedzone/" + id, new XDocument(request))).ShouldSucceed();
    }

    private static string[] Tags(XElement tagSet) =>
        [.. tagSet.Descendants(Ns + "Tag").Select(t => t.Element(Ns + "Key")!.Value + "=" + t.Element(Ns + "Value")!.Value)];
}
