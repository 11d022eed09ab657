using Bunit;
using MailFromConsole.Core.Records;
using MailFromConsole.Core.Route53;
using MailFromConsole.Core.Ses;
using MailFromConsole.Core.View;
using MailFromConsole.Web.Features.Audit;
using MailFromConsole.Web.Features.Dashboard;
using MailFromConsole.Web.Features.Deliverability;
using MailFromConsole.Web.Features.Identities;
using MailFromConsole.Web.Features.Publish;
using MailFromConsole.Web.Features.View;
using MailFromConsole.Web.Infrastructure.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.Web.Tests.Features.Deliverability;

/// <summary>
/// The DKIM CNAMEs and the DMARC record through the same safe publish as MAIL FROM (one batch of DELETE-what-was-read
/// and CREATE), and the readiness column the sweeper keeps in the view, over the fake SES and Route 53 on loopback DNS.
/// </summary>
public sealed class DeliverabilityPublishTests : ConsoleTestContext
{
    private static readonly string[] Tokens = ["tokone", "toktwo", "toktri"];
    private const string Suggested = "v=DMARC1; p=none; rua=mailto:reports@example.com";
    private readonly HostedZone zone;
    private readonly Fakes.InMemorySes.Identity example;

    public DeliverabilityPublishTests()
    {
        SignInAs(ConsoleRole.Operator);
        zone = Aws.Route53.AddZone("example.com");
        example = Aws.Ses.Add(Region, "example.com");
        example.Dkim = new(true, VerificationStatus.Pending, Tokens);
    }

    private IPublishService Publisher => Services.GetRequiredService<IPublishService>();

    [Fact]
    public async Task TheDkimCnamesArePublishedInOneBatchOfCreatesAndAudited()
    {
        var preview = (await Publisher.PreviewAsync(new PublishTarget.Dkim("example.com", Tokens, Region) { Identity = "example.com" })).Value!;
        var outcome = (await Publisher.ApplyAsync(preview)).Value!;

        Assert.NotNull(outcome.Change);
        var batch = Assert.Single(Aws.Route53.Batches);
        Assert.Equal(["tokone._domainkey.example.com.", "toktwo._domainkey.example.com.", "toktri._domainkey.example.com."], batch.Select(c => c.RecordSet.Name));
        Assert.All(batch, c => Assert.Equal((ChangeAction.Create, "CNAME"), (c.Action, c.RecordSet.Type)));
        Assert.Equal(["toktwo.dkim.amazonses.com."], Aws.Route53.ValuesAt(zone, "toktwo._domainkey.example.com", "CNAME"));
        var entry = Assert.Single(await AuditEntriesAsync(), e => e.Action == AuditActions.PublishRecords);
        Assert.Equal(("example.com", AuditResults.Success), (entry.Identity, entry.Result));
        Assert.Contains("tokone.dkim.amazonses.com", entry.After);
    }

    [Fact]
    public void TheDkimPanelPreviewsTheThreeCnamesAndPublishesExactlyThose()
    {
        var section = RenderSection("example.com");
        section.WaitForAssertion(() => Assert.Equal(3, section.FindAll("[data-testid=dkim-publish] [data-testid=preview-line]").Count), DnsWait);

        var previewed = section.FindAll("[data-testid=dkim-publish] [data-testid=preview-line]").Select(Cells).ToList();
        Assert.Equal(
        [
            ["Add", "tokone._domainkey.example.com.", "CNAME", "—", "tokone.dkim.amazonses.com."],
            ["Add", "toktwo._domainkey.example.com.", "CNAME", "—", "toktwo.dkim.amazonses.com."],
            ["Add", "toktri._domainkey.example.com.", "CNAME", "—", "toktri.dkim.amazonses.com."],
        ], previewed);
        Assert.Empty(Aws.Route53.Batches);

        section.Find("[data-testid=dkim-publish] button[data-testid=publish-route53]").Click();

        section.WaitForAssertion(() => Assert.Single(Aws.Route53.Batches), DnsWait);
        Assert.Equal(previewed.Select(p => (p[1], p[2], p[4])),
            Aws.Route53.Batches[0].Select(c => (c.RecordSet.Name, c.RecordSet.Type, Assert.Single(c.RecordSet.Values))));
        // Checked again once Route 53 has them: all three in DNS, so only SES's own check is left.
        section.WaitForAssertion(() => Assert.All(section.FindAll("[data-testid=deliverability-dkim-cname]"), c => Assert.Equal("Published", c.GetAttribute("data-state"))), DnsWait);
        Assert.Contains("DkimPending", section.FindAll("[data-testid=deliverability-gap]").Select(g => g.GetAttribute("data-code")));
        Assert.Empty(section.FindAll("[data-testid=dkim-publish]"));
    }

    [Fact]
    public void ACnameAlreadyInPlaceIsKeptAndOnlyTheMissingOnesAreCreated()
    {
        Aws.Route53.Put(zone, "toktwo._domainkey.example.com", "CNAME", "toktwo.dkim.amazonses.com.");
        var section = RenderSection("example.com");
        section.WaitForAssertion(() => Assert.Equal(3, section.FindAll("[data-testid=dkim-publish] [data-testid=preview-line]").Count), DnsWait);

        Assert.Equal(["Add", "Keep", "Add"], section.FindAll("[data-testid=dkim-publish] [data-testid=preview-line]").Select(l => Cells(l)[0]));
        section.Find("[data-testid=dkim-publish] button[data-testid=publish-route53]").Click();

        section.WaitForAssertion(() => Assert.Single(Aws.Route53.Batches), DnsWait);
        Assert.Equal(["tokone._domainkey.example.com.", "toktri._domainkey.example.com."], Aws.Route53.Batches[0].Select(c => c.RecordSet.Name));
        Assert.All(Aws.Route53.Batches[0], c => Assert.Equal(ChangeAction.Create, c.Action));
    }

    [Fact]
    public void ADkimNameThatIsACnameElsewhereIsShownAndNeverReplaced()
    {
        Aws.Route53.Put(zone, "tokone._domainkey.example.com", "CNAME", "old-selector.mailprovider.test.");
        var section = RenderSection("example.com");

        section.WaitForAssertion(() => Assert.Contains("tokone._domainkey.example.com is already a CNAME to old-selector.mailprovider.test.",
            section.Find("[data-testid=dkim-publish] [data-testid=publish-refusal]").TextContent), DnsWait);
        Assert.Empty(section.FindAll("[data-testid=dkim-publish] button[data-testid=publish-route53]"));
        Assert.Contains("points at old-selector.mailprovider.test instead", section.Find("[data-testid=deliverability-dkim]").TextContent);
        Assert.Empty(Aws.Route53.Batches);
    }

    [Fact]
    public void TheSectionFollowsSesFindingTheDkimRecordsWithoutCheckingAgainByHand()
    {
        foreach (var token in Tokens)
            Aws.Route53.Put(zone, $"{token}._domainkey.example.com", "CNAME", $"{token}.dkim.amazonses.com.");
        Aws.Route53.Put(zone, "_dmarc.example.com", "TXT", Suggested);
        var section = RenderSection("example.com");
        section.WaitForAssertion(() => Assert.Equal("Fails", section.Find("[data-testid=deliverability-verdict]").GetAttribute("data-outcome")), DnsWait);
        Assert.Contains("DkimPending", section.FindAll("[data-testid=deliverability-gap]").Select(g => g.GetAttribute("data-code")));

        example.Dkim = new(true, VerificationStatus.Success, Tokens);

        section.WaitForAssertion(() => Assert.Equal("Mail from example.com passes DMARC through DKIM only; SPF does not align.",
            section.Find("[data-testid=deliverability-verdict]").TextContent.Trim()), DnsWait);
        Assert.Contains("Signing on, status Success", section.Find("[data-testid=deliverability-dkim]").TextContent);
    }

    [Fact]
    public async Task AnExistingDmarcRecordIsReplacedOnlyAfterConfirmationAndNeverDoubled()
    {
        Aws.Route53.Put(zone, "_dmarc.example.com", "TXT", "v=DMARC1; p=reject");
        var preview = (await Publisher.PreviewAsync(new PublishTarget.Dmarc("example.com", Suggested, Region) { Identity = "example.com" })).Value!;

        var refused = await Publisher.ApplyAsync(preview);
        Assert.Equal("ConfirmationRequired", refused.ErrorCode);
        Assert.Empty(Aws.Route53.Batches);

        await Publisher.ApplyAsync(preview with { Confirmed = true });

        Assert.Equal([ChangeAction.Delete, ChangeAction.Create], Assert.Single(Aws.Route53.Batches).Select(c => c.Action));
        Assert.Equal([Suggested], Aws.Route53.ValuesAt(zone, "_dmarc.example.com", "TXT"));
        Assert.Contains("v=DMARC1; p=reject", Assert.Single(await AuditEntriesAsync(), e => e.Action == AuditActions.PublishRecords).Before);
    }

    [Fact]
    public async Task AViewerCannotPublishADmarcRecordEvenThroughTheService()
    {
        SignInAs(ConsoleRole.Viewer);
        var preview = (await Publisher.PreviewAsync(new PublishTarget.Dmarc("example.com", Suggested, Region) { Identity = "example.com" })).Value!;

        var result = await Publisher.ApplyAsync(preview);

        Assert.False(result.Succeeded);
        Assert.Empty(Aws.Route53.Batches);
        Assert.Equal("NotAuthorized", Assert.Single(await AuditEntriesAsync(), e => e.Action == AuditActions.PublishRecords).Result);
    }

    [Fact]
    public void TheDmarcFormChecksTheReportAddressThenShowsTheOldAndNewRecordAndPublishesOnlyOnceConfirmed()
    {
        Aws.Route53.Put(zone, "_dmarc.example.com", "TXT", "v=DMARC1; p=quarantine; rua=mailto:old@example.com");
        var section = RenderSection("example.com");
        var rua = section.WaitForElement("[data-testid=dmarc-form] input[type=text]", DnsWait);

        rua.Input("reports;x@example.com");
        section.WaitForAssertion(() => Assert.Contains("contains ';', ',' or '!'", section.Find("[data-testid=dmarc-form]").TextContent));
        Assert.True(section.Find("button[data-testid=dmarc-preview]").HasAttribute("disabled"));
        section.Find("[data-testid=dmarc-form] input[type=text]").Input("reports@example.com");
        section.WaitForAssertion(() => Assert.Contains(Suggested, section.Find("[data-testid=dmarc-record]").TextContent));
        section.Find("button[data-testid=dmarc-preview]").Click();

        section.WaitForElement("[data-testid=dmarc-publish] [data-testid=publish-confirmation]", DnsWait);
        var line = section.Find("[data-testid=dmarc-publish] [data-testid=preview-line]");
        Assert.Equal("Change", line.GetAttribute("data-kind"));
        Assert.Contains("p=quarantine", line.TextContent);
        Assert.Contains(Suggested, line.TextContent);
        Assert.True(section.Find("[data-testid=dmarc-publish] button[data-testid=publish-route53]").HasAttribute("disabled"));

        section.Find("[data-testid=dmarc-publish] input[type=checkbox]").Change(true);
        section.Find("[data-testid=dmarc-publish] button[data-testid=publish-route53]").Click();

        section.WaitForAssertion(() => Assert.Equal([Suggested], Aws.Route53.ValuesAt(zone, "_dmarc.example.com", "TXT")), DnsWait);
        section.WaitForAssertion(() => Assert.Contains("policy none", section.Find("[data-testid=deliverability-dmarc]").TextContent), DnsWait);
    }

    [Fact]
    public async Task TheListsReadinessColumnShowsTheSweepersVerdictAndFollowsThePublishedRecords()
    {
        var sweeper = Services.GetRequiredService<AccountViewSweeper>();
        RenderProviders();
        var list = Render<IdentityList>(p => p.Add(x => x.Type, IdentityType.Domain).Add(x => x.Region, Region));
        Assert.Equal("Not checked yet", list.WaitForElement("[data-testid=readiness-chip]").TextContent.Trim());

        await sweeper.ReadNextAsync(Region, ViewPart.Readiness, CancellationToken.None);
        list.WaitForAssertion(() => Assert.Equal("DKIM missing", list.Find("[data-testid=readiness-chip]").TextContent.Trim()), DnsWait);

        foreach (var token in Tokens)
            Aws.Route53.Put(zone, $"{token}._domainkey.example.com", "CNAME", $"{token}.dkim.amazonses.com.");
        Aws.Route53.Put(zone, "_dmarc.example.com", "TXT", Suggested);
        example.Dkim = new(true, VerificationStatus.Success, Tokens);
        await sweeper.ReadNextAsync(Region, ViewPart.Readiness, CancellationToken.None);

        list.WaitForAssertion(() => Assert.Equal("Passes DMARC (DKIM only)", list.Find("[data-testid=readiness-chip]").TextContent.Trim()), DnsWait);
    }

    [Fact]
    public async Task TheDashboardsReadinessColumnShowsEachIdentitysVerdictAndFollowsThePublishedRecords()
    {
        Aws.Ses.Add(Region, "news.example.com");
        var sweeper = Services.GetRequiredService<AccountViewSweeper>();
        RenderProviders();
        var dashboard = Render<DashboardPage>();
        dashboard.WaitForAssertion(() => Assert.Equal(["Not checked yet", "Not checked yet"], ReadinessOf(dashboard, "example.com", "news.example.com")), DnsWait);

        await sweeper.ReadNextAsync(Region, ViewPart.Readiness, CancellationToken.None);
        dashboard.WaitForAssertion(() => Assert.Equal(["DKIM missing", "DKIM missing"], ReadinessOf(dashboard, "example.com", "news.example.com")), DnsWait);

        foreach (var token in Tokens)
            Aws.Route53.Put(zone, $"{token}._domainkey.example.com", "CNAME", $"{token}.dkim.amazonses.com.");
        Aws.Route53.Put(zone, "_dmarc.example.com", "TXT", Suggested);
        example.Dkim = new(true, VerificationStatus.Success, Tokens);
        await sweeper.ReadNextAsync(Region, ViewPart.Readiness, CancellationToken.None);

        // news.example.com inherits example.com's DMARC record but has no Easy DKIM of its own.
        dashboard.WaitForAssertion(() => Assert.Equal(["Passes DMARC (DKIM only)", "DKIM missing"], ReadinessOf(dashboard, "example.com", "news.example.com")), DnsWait);
    }

    /// <summary>The DMARC Readiness cell of each identity's dashboard row.</summary>
    private static IEnumerable<string> ReadinessOf(IRenderedComponent<DashboardPage> dashboard, params string[] identities) =>
        identities.Select(identity => dashboard.FindAll("tr").Single(r => r.QuerySelector("[data-testid=row-identity]")?.TextContent == identity)
            .QuerySelector("[data-testid=readiness-chip]")!.TextContent.Trim());

    /// <summary>A preview line as the user reads it: change, name, type, now, after publishing.</summary>
    private static string[] Cells(AngleSharp.Dom.IElement line) => [.. line.QuerySelectorAll("td").Select(td => td.TextContent.Trim())];

    private IRenderedComponent<DeliverabilitySection> RenderSection(string identity)
    {
        RenderProviders();
        return Render<DeliverabilitySection>(p => p.Add(x => x.Region, Region).Add(x => x.Identity, identity));
    }
}
