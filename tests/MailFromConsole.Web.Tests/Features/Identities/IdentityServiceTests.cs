using MailFromConsole.Core.Ses;
using MailFromConsole.Web.Features.Identities;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.Web.Tests.Features.Identities;

public sealed class IdentityServiceTests : ConsoleTestContext
{
    private IIdentityService Identities => Services.GetRequiredService<IIdentityService>();

    [Fact]
    public async Task TenThousandDomainsArePagedFromTheAccountViewWithoutAskingSesPerPageView()
    {
        for (var i = 0; i < 10_000; i++) Aws.Ses.Add(Region, $"d{i:D5}.example.com");

        var page = (await Identities.ListAsync(Region, IdentityType.Domain, new IdentityQuery(null, false, 2, 50))).Value!;
        var again = (await Identities.ListAsync(Region, IdentityType.Domain, new IdentityQuery(null, false, 3, 50))).Value!;

        Assert.Equal(10_000, page.TotalCount);
        Assert.Equal("d00100.example.com", page.Rows[0].Identity);
        Assert.Equal("d00150.example.com", again.Rows[0].Identity);
        // The sweeper read SES (off the record here); the page views themselves asked nothing.
        Assert.Equal(0, Aws.Ses.ListIdentitiesCalls);
        Assert.Empty(Aws.Ses.VerificationBatchSizes);
        Assert.Empty(Aws.Ses.MailFromBatchSizes);
    }

    [Fact]
    public async Task SearchAndDescendingSortApplyBeforePaging()
    {
        Aws.Ses.Add(Region, "alpha.com");
        Aws.Ses.Add(Region, "beta.com");
        Aws.Ses.Add(Region, "alphabet.org");
        Aws.Ses.Add(Region, "user@alpha.com");

        var page = (await Identities.ListAsync(Region, IdentityType.Domain, new IdentityQuery("ALPHA", true, 0, 25))).Value!;

        Assert.Equal(["alphabet.org", "alpha.com"], page.Rows.Select(r => r.Identity));
    }

    [Fact]
    public async Task RowsCarryVerificationAndMailFromStatus()
    {
        Aws.Ses.Add(Region, "user@example.com", VerificationStatus.Failed);
        Aws.Ses.Add(Region, "ok@example.com").MailFrom = new("mail.example.com", CustomMailFromStatus.Success, BehaviorOnMxFailure.UseDefaultValue);

        var rows = (await Identities.ListAsync(Region, IdentityType.EmailAddress, new IdentityQuery(null, false, 0, 25))).Value!.Rows;

        Assert.Equal(CustomMailFromStatus.Success, rows.Single(r => r.Identity == "ok@example.com").MailFrom!.MailFromDomainStatus);
        Assert.Equal(VerificationStatus.Failed, rows.Single(r => r.Identity == "user@example.com").Status);
    }

    [Theory]
    [InlineData(IdentityType.EmailAddress, "not-an-address")]
    [InlineData(IdentityType.EmailAddress, "a@b@example.com")]
    [InlineData(IdentityType.EmailAddress, "user@example.com\r\nBcc: x@evil.test")]
    [InlineData(IdentityType.Domain, "user@example.com")]
    [InlineData(IdentityType.Domain, "exa mple.com")]
    [InlineData(IdentityType.Domain, "")]
    public async Task AddRefusesMalformedInputWithoutCallingSes(IdentityType type, string input)
    {
        var result = await Identities.AddAsync(Region, type, input);

        Assert.False(result.Succeeded);
        Assert.False(string.IsNullOrWhiteSpace(result.Error));
        Assert.Equal(0, Aws.Ses.ListIdentitiesCalls);
        Assert.Null(Aws.Ses.Find(Region, input));
    }

    [Fact]
    public async Task AddingADomainGivesTheVerificationRecordAndShowsItInTheList()
    {
        await Identities.ListAsync(Region, IdentityType.Domain, new IdentityQuery(null, false, 0, 25));

        var started = (await Identities.AddAsync(Region, IdentityType.Domain, "new.example.com")).Value!;
        var list = (await Identities.ListAsync(Region, IdentityType.Domain, new IdentityQuery(null, false, 0, 25))).Value!;

        Assert.Equal("_amazonses.new.example.com", started.VerificationRecordName);
        Assert.Equal("token-us-east-1-new.example.com", started.VerificationToken);
        Assert.Equal(VerificationStatus.Pending, Assert.Single(list.Rows).Status);
    }

    [Fact]
    public async Task RemovingAnIdentityTakesItOutOfTheList()
    {
        Aws.Ses.Add(Region, "gone.example.com");
        await Identities.ListAsync(Region, IdentityType.Domain, new IdentityQuery(null, false, 0, 25));

        await Identities.DeleteAsync(Region, "gone.example.com");
        var list = (await Identities.ListAsync(Region, IdentityType.Domain, new IdentityQuery(null, false, 0, 25))).Value!;

        Assert.Empty(list.Rows);
    }

    [Fact]
    public async Task AnAwsFailureBecomesAMessage()
    {
        Aws.Ses.FailNext("ListIdentities", "InternalFailure", "We encountered an internal error.");

        var result = await Identities.ListAsync(Region, IdentityType.Domain, new IdentityQuery(null, false, 0, 25));

        Assert.False(result.Succeeded);
        Assert.Contains("internal error", result.Error);
    }

    [Fact]
    public async Task ANetworkFailureBecomesAMessage()
    {
        Aws.Ses.FailNext("ListIdentities", new HttpRequestException("Connection refused (127.0.0.1:4579)"));

        var result = await Identities.ListAsync(Region, IdentityType.Domain, new IdentityQuery(null, false, 0, 25));

        Assert.False(result.Succeeded);
        Assert.Contains("Could not reach the AWS endpoint", result.Error);
        Assert.Contains("Connection refused", result.Error);
    }
}
