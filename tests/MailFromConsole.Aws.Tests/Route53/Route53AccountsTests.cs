using MailFromConsole.Aws.Tests.Infrastructure;
using MailFromConsole.Core.Route53;
using Microsoft.Extensions.Time.Testing;

namespace MailFromConsole.Aws.Tests.Route53;

/// <summary><c>Aws:Route53Accounts</c>: names under a suffix reach Route 53 through that suffix's role, signed with its session.</summary>
public sealed class Route53AccountsTests
{
    private const string DnsRole = "arn:aws:iam::111111111111:role/ConsoleRoute53";
    private const string ShopRole = "arn:aws:iam::222222222222:role/ShopDns";

    private static readonly Dictionary<string, string?> TwoAccounts = new()
    {
        ["Aws:Route53Accounts:0:Suffix"] = "example.com",
        ["Aws:Route53Accounts:0:RoleArn"] = DnsRole,
        ["Aws:Route53Accounts:0:ExternalId"] = "ext-1",
        ["Aws:Route53Accounts:1:Suffix"] = "Shop.Example.com.",
        ["Aws:Route53Accounts:1:RoleArn"] = ShopRole,
    };

    private static CannedResponse Answer(RecordedRequest request, DateTimeOffset expiration) =>
        request.FormValue("Action") == "AssumeRole"
            ? CannedResponse.Ok(AwsExamples.StsAssumeRole("ASIA" + request.FormValue("RoleArn")![13..25], "token-" + request.FormValue("RoleArn")![13..25], expiration))
            : CannedResponse.Ok("""<ListHostedZonesByNameResponse xmlns="https://route53.amazonaws.com/doc/2013-04-01/"><HostedZones/><IsTruncated>false</IsTruncated><MaxItems>100</MaxItems></ListHostedZonesByNameResponse>""");

    [Fact]
    public async Task TheLongestMatchingSuffixChoosesTheRoleAndOtherNamesStayInTheConsolesAccount()
    {
        await using var aws = await AwsClientHarness.StartAsync(r => Answer(r, DateTimeOffset.UtcNow.AddHours(1)), TwoAccounts);
        var accounts = aws.Route53Accounts;

        Assert.Equal(DnsRole, accounts.For("mail.example.com").RoleArn);
        Assert.Equal(DnsRole, accounts.For("EXAMPLE.com.").RoleArn);
        Assert.Equal(ShopRole, accounts.For("bounce.shop.example.com").RoleArn);
        Assert.Equal("222222222222", accounts.For("shop.example.com").AccountId);
        Assert.False(accounts.For("notexample.com").ThroughRole);
        Assert.False(accounts.For("example.org").ThroughRole);
        Assert.Equal([null, ShopRole, DnsRole], accounts.All.Select(a => a.RoleArn));
    }

    [Fact]
    public async Task RequestsForAnotherAccountAreSignedWithTheAssumedRolesSession()
    {
        await using var aws = await AwsClientHarness.StartAsync(r => Answer(r, DateTimeOffset.UtcNow.AddHours(1)), TwoAccounts);

        await aws.Route53Accounts.For("mail.example.com").Client.FindPublicHostedZoneAsync("mail.example.com");

        var assume = Assert.Single(aws.Server.Requests, r => r.FormValue("Action") == "AssumeRole");
        Assert.Equal((DnsRole, "ext-1", "MailFromConsole"), (assume.FormValue("RoleArn"), assume.FormValue("ExternalId"), assume.FormValue("RoleSessionName")));
        Assert.Equal(AwsClientHarness.AccessKeyId, SigV4Verifier.ParseAuthorization(assume.Header("Authorization")!).AccessKeyId);
        var route53 = aws.Server.Requests.Where(r => r.Path.Contains("hostedzonesbyname", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(route53);
        Assert.All(route53, r =>
        {
            Assert.Equal("ASIA111111111111", SigV4Verifier.ParseAuthorization(r.Header("Authorization")!).AccessKeyId);
            Assert.Equal("token-111111111111", r.Header("X-Amz-Security-Token"));
            Assert.True(SigV4Verifier.Verify(r, AwsExamples.StsAssumedSecret));
        });
    }

    [Fact]
    public async Task TheRoleSessionIsKeptUntilShortlyBeforeItExpires()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero));
        await using var aws = await AwsClientHarness.StartAsync(r => Answer(r, time.GetUtcNow().AddHours(1)), TwoAccounts, time);
        var client = aws.Route53Accounts.For("example.com").Client;
        int AssumeRoles() => aws.Server.Requests.Count(r => r.FormValue("Action") == "AssumeRole");

        await client.ListHostedZonesByNameAsync("example.com", null, 1);
        time.Advance(TimeSpan.FromMinutes(54));
        await client.ListHostedZonesByNameAsync("example.com", null, 1);
        Assert.Equal(1, AssumeRoles());

        time.Advance(TimeSpan.FromMinutes(2));
        await client.ListHostedZonesByNameAsync("example.com", null, 1);
        Assert.Equal(2, AssumeRoles());
    }

    [Fact]
    public async Task ARefusedAssumeRoleNamesTheRoleAndSendsNothingToRoute53()
    {
        await using var aws = await AwsClientHarness.StartAsync(r => r.FormValue("Action") == "AssumeRole"
            ? new CannedResponse(403, AwsExamples.StsError("AccessDenied", $"User: arn:aws:iam::123456789012:user/console is not authorized to perform: sts:AssumeRole on resource: {DnsRole}"))
            : Answer(r, DateTimeOffset.UtcNow.AddHours(1)), TwoAccounts);

        var error = await Assert.ThrowsAsync<AssumeRoleException>(() => aws.Route53Accounts.For("example.com").Client.ListHostedZonesByNameAsync("example.com", null, 1));

        Assert.Equal((DnsRole, "STS", "AccessDenied"), (error.RoleArn, error.Service, error.ErrorCode));
        Assert.DoesNotContain(aws.Server.Requests, r => r.Path.Contains("hostedzones", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnEntryWithoutARoleIsRefusedBeforeAskingSts()
    {
        await using var aws = await AwsClientHarness.StartAsync(r => Answer(r, DateTimeOffset.UtcNow.AddHours(1)),
            new Dictionary<string, string?> { ["Aws:Route53Accounts:0:Suffix"] = "example.com" });

        var error = await Assert.ThrowsAsync<AssumeRoleException>(() => aws.Route53Accounts.For("example.com").Client.ListHostedZonesByNameAsync("example.com", null, 1));

        Assert.Equal("MissingRoleArn", error.ErrorCode);
        Assert.Empty(aws.Server.Requests);
    }
}
