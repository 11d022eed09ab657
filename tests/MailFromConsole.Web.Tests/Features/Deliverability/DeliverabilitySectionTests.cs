using Bunit;
using MailFromConsole.Core.Ses;
using MailFromConsole.Web.Features.Audit;
using MailFromConsole.Web.Features.Deliverability;
using MailFromConsole.Web.Infrastructure.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.Web.Tests.Features.Deliverability;

/// <summary>The deliverability section over the fake SES and Route 53, whose zones a real loopback DNS server serves.</summary>
public sealed class DeliverabilitySectionTests : ConsoleTestContext
{
    private static readonly string[] Tokens = ["tokone", "toktwo", "tokthree"];

    [Fact]
    public void ADomainWithAlignedMailFromDkimAndADmarcRecordPassesThroughBoth()
    {
        var zone = Aws.Route53.AddZone("example.net");
        Aws.Route53.Put(zone, "mail.example.net", "MX", "10 feedback-smtp.us-east-1.amazonses.com.");
        Aws.Route53.Put(zone, "mail.example.net", "TXT", "v=spf1 include:amazonses.com ~all");
        Aws.Route53.Put(zone, "_dmarc.example.net", "TXT", "v=DMARC1; p=quarantine; rua=mailto:dmarc@example.net");
        foreach (var token in Tokens)
            Aws.Route53.Put(zone, $"{token}._domainkey.example.net", "CNAME", $"{token}.dkim.amazonses.com.");
        var identity = Aws.Ses.Add(Region, "example.net");
        identity.MailFrom = new("mail.example.net", CustomMailFromStatus.Success, BehaviorOnMxFailure.RejectMessage);
        identity.Dkim = new(true, VerificationStatus.Success, Tokens);

        var section = RenderSection("example.net");

        section.WaitForAssertion(() => Assert.Equal("Mail from example.net passes DMARC through SPF and DKIM.",
            section.Find("[data-testid=deliverability-verdict]").TextContent.Trim()), TimeSpan.FromSeconds(10));
        Assert.Empty(section.FindAll("[data-testid=deliverability-gap]"));
        Assert.All(section.FindAll("[data-testid=deliverability-dkim-cname]"), c => Assert.Equal("Published", c.GetAttribute("data-state")));
        Assert.Contains("policy quarantine", section.Find("[data-testid=deliverability-dmarc]").TextContent);
        Assert.StartsWith("Passes", section.Find("[data-testid=deliverability-spf]").TextContent.Trim());
        Assert.StartsWith("include:amazonses.com → ", section.Find("[data-testid=deliverability-spf-include]").TextContent.Trim());
        Assert.Equal("MxOk", section.Find("[data-testid=deliverability-mx]").GetAttribute("data-code"));
        Assert.Contains("mail.example.net has exactly one MX record", section.Find("[data-testid=deliverability-mailfrom]").TextContent);
    }

    [Fact]
    public void ADomainWithoutDkimAndDmarcSaysExactlyWhatIsMissingAndTheFix()
    {
        Aws.Route53.AddZone("example.com");
        Aws.Ses.Add(Region, "example.com");

        var section = RenderSection("example.com");

        section.WaitForAssertion(() => Assert.Equal("NoDmarcPolicy", section.Find("[data-testid=deliverability-verdict]").GetAttribute("data-outcome")), TimeSpan.FromSeconds(10));
        Assert.Equal(["NoMailFromDomain", "DkimNotSetUp", "NoDmarc"], section.FindAll("[data-testid=deliverability-gap]").Select(g => g.GetAttribute("data-code")));
        Assert.Contains("v=DMARC1; p=none; rua=mailto:", section.Find("[data-testid=deliverability-gaps]").TextContent);
        Assert.False(section.Find("button[data-testid=enable-dkim]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task AnOperatorEnablesEasyDkimAndSeesTheThreeCnamesMissing()
    {
        SignInAs(ConsoleRole.Operator);
        Aws.Route53.AddZone("example.com");
        Aws.Ses.Add(Region, "example.com");
        var section = RenderSection("example.com");
        section.WaitForElement("button[data-testid=enable-dkim]", TimeSpan.FromSeconds(10));

        section.Find("button[data-testid=enable-dkim]").Click();

        section.WaitForAssertion(() => Assert.Equal(3, section.FindAll("[data-testid=deliverability-dkim-cname]").Count), TimeSpan.FromSeconds(10));
        Assert.All(section.FindAll("[data-testid=deliverability-dkim-cname]"), c => Assert.Equal("Missing", c.GetAttribute("data-state")));
        Assert.Contains("DkimCnamesMissing", section.FindAll("[data-testid=deliverability-gap]").Select(g => g.GetAttribute("data-code")));
        Assert.Equal(["VerifyDomainDkim", "SetIdentityDkimEnabled"], Aws.Ses.Calls.Where(c => c.Contains("Dkim", StringComparison.Ordinal) && !c.StartsWith("Get", StringComparison.Ordinal)));
        var entry = Assert.Single(await AuditEntriesAsync(), e => e.Action == AuditActions.EnableEasyDkim);
        Assert.Equal(AuditResults.Success, entry.Result);
        Assert.Contains("example.com-dkim1", entry.After);
    }

    [Fact]
    public async Task AViewerCannotEnableEasyDkimEvenByCallingTheServiceAndTheRefusalIsAudited()
    {
        SignInAs(ConsoleRole.Viewer);
        Aws.Route53.AddZone("example.com");
        Aws.Ses.Add(Region, "example.com");
        var section = RenderSection("example.com");
        section.WaitForElement("button[data-testid=enable-dkim]", TimeSpan.FromSeconds(10));
        Assert.True(section.Find("button[data-testid=enable-dkim]").HasAttribute("disabled"));

        var result = await Services.GetRequiredService<IDeliverabilityService>().EnableEasyDkimAsync(Region, "example.com");

        Assert.False(result.Succeeded);
        Assert.DoesNotContain("VerifyDomainDkim", Aws.Ses.Calls);
        Assert.Equal("NotAuthorized", Assert.Single(await AuditEntriesAsync(), e => e.Action == AuditActions.EnableEasyDkim).Result);
    }

    [Fact]
    public async Task AfterDkimFailedAnOperatorEnablesItAgainAndSesChecksTheSameRecordsOnceMore()
    {
        SignInAs(ConsoleRole.Operator);
        var zone = Aws.Route53.AddZone("example.com");
        foreach (var token in Tokens)
            Aws.Route53.Put(zone, $"{token}._domainkey.example.com", "CNAME", $"{token}.dkim.amazonses.com.");
        var identity = Aws.Ses.Add(Region, "example.com");
        identity.Dkim = new(true, VerificationStatus.Failed, Tokens);
        var section = RenderSection("example.com");
        section.WaitForAssertion(() => Assert.Equal("Enable Easy DKIM Again", section.Find("button[data-testid=enable-dkim]").TextContent.Trim()), TimeSpan.FromSeconds(10));
        Assert.Contains("DkimFailed", GapCodes(section));

        section.Find("button[data-testid=enable-dkim]").Click();

        section.WaitForAssertion(() => Assert.Contains("DkimPending", GapCodes(section)), TimeSpan.FromSeconds(10));
        Assert.Equal((true, VerificationStatus.Pending), (identity.Dkim.DkimEnabled, identity.Dkim.DkimVerificationStatus));
        Assert.Equal(Tokens, identity.Dkim.DkimTokens); // the same records, checked again
        Assert.Empty(section.FindAll("button[data-testid=enable-dkim]"));
        Assert.Equal(AuditResults.Success, Assert.Single(await AuditEntriesAsync(), e => e.Action == AuditActions.EnableEasyDkim).Result);
    }

    [Fact]
    public void VerifiedDkimWithSigningOffIsTurnedOnAndStaysVerified()
    {
        SignInAs(ConsoleRole.Operator);
        var zone = Aws.Route53.AddZone("example.com");
        foreach (var token in Tokens)
            Aws.Route53.Put(zone, $"{token}._domainkey.example.com", "CNAME", $"{token}.dkim.amazonses.com.");
        var identity = Aws.Ses.Add(Region, "example.com");
        identity.Dkim = new(false, VerificationStatus.Success, Tokens);
        var section = RenderSection("example.com");
        section.WaitForAssertion(() => Assert.Equal("Turn On DKIM Signing", section.Find("button[data-testid=enable-dkim]").TextContent.Trim()), TimeSpan.FromSeconds(10));
        Assert.Contains("DkimDisabled", GapCodes(section));

        section.Find("button[data-testid=enable-dkim]").Click();

        section.WaitForAssertion(() => Assert.Contains("Signing on, status Success", section.Find("[data-testid=deliverability-dkim]").TextContent), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain("DkimDisabled", GapCodes(section));
        Assert.DoesNotContain("DkimPending", GapCodes(section));
        Assert.True(identity.Dkim.DkimEnabled);
    }

    [Theory]
    [InlineData("user@example.com", "Easy DKIM is set up for a domain, not an email address: enable it for 'example.com'")]
    [InlineData("exa mple.com", "contains a space")]
    public async Task EnablingEasyDkimForSomethingThatIsNotADomainSaysWhy(string identity, string message)
    {
        SignInAs(ConsoleRole.Operator);

        var result = await Services.GetRequiredService<IDeliverabilityService>().EnableEasyDkimAsync(Region, identity);

        Assert.Contains(message, result.Error);
        Assert.DoesNotContain("VerifyDomainDkim", Aws.Ses.Calls);
    }

    [Fact]
    public void AnAddressIsJudgedWithItsDomainsDkim()
    {
        var zone = Aws.Route53.AddZone("example.net");
        Aws.Route53.Put(zone, "_dmarc.example.net", "TXT", "v=DMARC1; p=none");
        foreach (var token in Tokens)
            Aws.Route53.Put(zone, $"{token}._domainkey.example.net", "CNAME", $"{token}.dkim.amazonses.com.");
        Aws.Ses.Add(Region, "example.net").Dkim = new(true, VerificationStatus.Success, Tokens);
        Aws.Ses.Add(Region, "user@example.net").Dkim = new(true, VerificationStatus.Success, []);

        var section = RenderSection("user@example.net");

        section.WaitForAssertion(() => Assert.Equal("PassesThroughDkimOnly", section.Find("[data-testid=deliverability-verdict]").GetAttribute("data-outcome")), TimeSpan.FromSeconds(10));
        Assert.Contains("DKIM (example.net)", section.Markup);
        Assert.Empty(section.FindAll("button[data-testid=enable-dkim]"));
    }

    private static IEnumerable<string?> GapCodes(IRenderedComponent<DeliverabilitySection> section) =>
        section.FindAll("[data-testid=deliverability-gap]").Select(g => g.GetAttribute("data-code"));

    private IRenderedComponent<DeliverabilitySection> RenderSection(string identity)
    {
        RenderProviders();
        return Render<DeliverabilitySection>(p => p.Add(x => x.Region, Region).Add(x => x.Identity, identity));
    }
}
