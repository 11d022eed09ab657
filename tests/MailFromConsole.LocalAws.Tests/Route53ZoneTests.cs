using System.Net;
using MailFromConsole.LocalAws.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using static MailFromConsole.LocalAws.Tests.Support.Route53Xml;

namespace MailFromConsole.LocalAws.Tests;

public sealed class Route53ZoneTests
{
    [Fact]
    public async Task ListsZonesFromTheGivenNameOnwardInReversedLabelOrder()
    {
        await using var aws = await LocalAwsFixture.StartAsync();
        (await aws.Route53Async(HttpMethod.Post, "/2013-04-01/hostedzone", CreateZone("b.example.com", "ref-1"))).ShouldSucceed();
        (await aws.Route53Async(HttpMethod.Post, "/2013-04-01/hostedzone", CreateZone("a.example.net", "ref-2"))).ShouldSucceed();

        // mail.example.com is not a zone: the list starts after it, so the caller must ask for each parent itself.
        var answer = await aws.Route53Async(HttpMethod.Get, "/2013-04-01/hostedzonesbyname?dnsname=mail.example.com&maxitems=2");

        Assert.Equal(["example.net.", "a.example.net."], answer.All("Name").Select(n => n.Value));
        Assert.Equal("true", answer.Value("IsTruncated"));
        Assert.Equal("pending.test.", answer.Value("NextDNSName"));
        var all = await aws.Route53Async(HttpMethod.Get, "/2013-04-01/hostedzonesbyname");
        Assert.Equal(["example.com.", "b.example.com.", "example.net.", "a.example.net.", "pending.test.", "spf-conflict.test.", "two-mx.test."],
            all.All("Name").Select(n => n.Value));
    }

    [Fact]
    public async Task CreatedZoneHasSoaAndNsAndCanBeRead()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        var created = await aws.Route53Async(HttpMethod.Post, "/2013-04-01/hostedzone", CreateZone("new.test", "ref-new"));
        var id = created.Value("Id")!.Replace("/hostedzone/", "", StringComparison.Ordinal);
        var get = await aws.Route53Async(HttpMethod.Get, "/2013-04-01/hostedzone/" + id);
        var records = await aws.Route53Async(HttpMethod.Get, $"/2013-04-01/hostedzone/{id}/rrset");
        var duplicate = await aws.Route53Async(HttpMethod.Post, "/2013-04-01/hostedzone", CreateZone("other.test", "ref-new"));

        Assert.Equal(HttpStatusCode.Created, created.Status);
        Assert.Equal("new.test.", get.Value("Name"));
        Assert.Equal("2", get.Value("ResourceRecordSetCount"));
        Assert.Equal(["NS", "SOA"], records.All("Type").Select(t => t.Value));
        duplicate.ShouldFail(HttpStatusCode.Conflict, "HostedZoneAlreadyExists");
    }

    [Fact]
    public async Task PagesRecordSetsByNameAndType()
    {
        await using var aws = await LocalAwsFixture.StartAsync();
        var zone = await ZoneIdAsync(aws, "example.com.");

        var first = await aws.Route53Async(HttpMethod.Get, $"/2013-04-01/hostedzone/{zone}/rrset?maxitems=2");
        var next = await aws.Route53Async(HttpMethod.Get,
            $"/2013-04-01/hostedzone/{zone}/rrset?name={first.Value("NextRecordName")}&type={first.Value("NextRecordType")}&maxitems=2");

        Assert.Equal(["example.com./NS", "example.com./SOA"], Sets(first));
        Assert.Equal("_amazonses.example.com.", first.Value("NextRecordName"));
        Assert.Equal(["_amazonses.example.com./TXT"], Sets(next));
        Assert.Equal("false", next.Value("IsTruncated"));

        static IEnumerable<string> Sets(AwsAnswer a) =>
            a.All("ResourceRecordSet").Select(s => s.Element(AwsAnswer.Route53 + "Name")!.Value + "/" + s.Element(AwsAnswer.Route53 + "Type")!.Value);
    }

    [Fact]
    public async Task ChangeIsPendingThenInSyncAfterThePropagationDelay()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var aws = await LocalAwsFixture.StartAsync(o => o.ChangePropagationDelay = TimeSpan.FromSeconds(5), time);
        var zone = await ZoneIdAsync(aws, "example.com.");
        var change = await aws.Route53Async(HttpMethod.Post, $"/2013-04-01/hostedzone/{zone}/rrset/", Batch(
            Change("UPSERT", "mail.example.com", "MX", 300, "10 feedback-smtp.us-east-1.amazonses.com")));
        var id = change.Value("Id")!;

        var before = await aws.Route53Async(HttpMethod.Get, "/2013-04-01" + id);
        time.Advance(TimeSpan.FromSeconds(5));
        var after = await aws.Route53Async(HttpMethod.Get, "/2013-04-01" + id);
        var unknown = await aws.Route53Async(HttpMethod.Get, "/2013-04-01/change/CNOSUCHCHANGE");

        Assert.Equal("PENDING", change.Value("Status"));
        Assert.Equal("PENDING", before.Value("Status"));
        Assert.Equal("INSYNC", after.Value("Status"));
        unknown.ShouldFail(HttpStatusCode.NotFound, "NoSuchChange");
    }

    [Fact]
    public async Task ThrottlesTheAccountAboveFiveRequestsPerSecond()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var aws = await LocalAwsFixture.StartAsync(o => o.EnforceRateLimits = true, time);

        var burst = new List<AwsAnswer>();
        for (var i = 0; i < 6; i++)
        {
            burst.Add(await aws.Route53Async(HttpMethod.Get, "/2013-04-01/hostedzonesbyname"));
        }

        time.Advance(TimeSpan.FromSeconds(0.2));
        var afterAFifthOfASecond = await aws.Route53Async(HttpMethod.Get, "/2013-04-01/hostedzonesbyname");

        Assert.All(burst.Take(5), a => a.ShouldSucceed());
        burst[5].ShouldFail(HttpStatusCode.BadRequest, "Throttling");
        afterAFifthOfASecond.ShouldSucceed();
    }
}
