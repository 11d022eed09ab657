using MailFromConsole.LocalAws.Tests.Support;
using static MailFromConsole.LocalAws.Tests.Support.Route53Xml;

namespace MailFromConsole.LocalAws.Tests;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task ConcurrentRequestsLoseNoUpdate()
    {
        await using var aws = await LocalAwsFixture.StartAsync();
        var zone = await ZoneIdAsync(aws, "example.com.");

        var answers = await Task.WhenAll(Enumerable.Range(0, 24).Select(i => i % 2 == 0
            ? aws.SesAsync("VerifyDomainIdentity", ("Domain", $"d{i}.example.com"))
            : aws.Route53Async(HttpMethod.Post, $"/2013-04-01/hostedzone/{zone}/rrset/", Batch(
                Change("CREATE", $"r{i}.example.com", "TXT", 300, $"\"value {i}\"")))));

        Assert.All(answers, a => a.ShouldSucceed());
        var identities = await aws.SesAsync("ListIdentities", ("IdentityType", "Domain"));
        Assert.Equal(12, identities.All("member").Count(m => m.Value.StartsWith('d')));
        var records = await aws.Route53Async(HttpMethod.Get, $"/2013-04-01/hostedzone/{zone}/rrset");
        Assert.Equal(12, records.All("Name").Count(n => n.Value.StartsWith('r')));
    }
}
