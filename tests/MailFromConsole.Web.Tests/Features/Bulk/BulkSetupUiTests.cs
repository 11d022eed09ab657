using Bunit;
using MailFromConsole.Core.Ses;
using MailFromConsole.Web.Features.Bulk;
using MailFromConsole.Web.Features.Identities;
using MailFromConsole.Web.Infrastructure.Auth;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.Web.Tests.Features.Bulk;

/// <summary>The selection on the Domains list, the review dialog and the roles, over the fake AWS.</summary>
public sealed class BulkSetupUiTests : ConsoleTestContext
{
    private IRenderedComponent<IdentitiesView> RenderDomains(out IRenderedComponent<MudBlazor.MudDialogProvider> dialogs)
    {
        dialogs = RenderProviders();
        return Render<IdentitiesView>(p => p.Add(x => x.Type, IdentityType.Domain));
    }

    private static string BulkButton(IRenderedComponent<IdentitiesView> view) => view.Find("button[data-testid=bulk-setup]").TextContent.Trim();

    [Fact]
    public void SelectingRowsAndSelectAllMatchingCountTheIdentitiesOnEveryPage()
    {
        // 30 domains: more than one page of 25.
        foreach (var i in Enumerable.Range(1, 30)) Aws.Ses.Add(Region, $"d{i:D2}.example.com");
        var view = RenderDomains(out _);
        view.WaitForAssertion(() => Assert.Equal(25, view.FindAll("tr.identity-row").Count));
        Assert.True(view.Find("button[data-testid=bulk-setup]").HasAttribute("disabled"));

        view.FindAll("[data-testid=select-identity] input, input[data-testid=select-identity]")[0].Change(true);
        view.WaitForAssertion(() => Assert.Equal("Set MAIL FROM Domain for 1 identity", BulkButton(view)));

        view.Find("button[data-testid=select-all-matching]").Click();
        view.WaitForAssertion(() => Assert.Equal("Set MAIL FROM Domain for 30 identities", BulkButton(view)));
        Assert.False(view.Find("button[data-testid=bulk-setup]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task TheReviewShowsEachNameItsChecksAndZoneAndSkipsARowThatReceivesMailWithTheReason()
    {
        var zone = Aws.Route53.AddZone("example.com");
        Aws.Route53.Put(zone, "mail.mx.example.com.", "MX", "10 inbound.mailhost.test.");
        Aws.Route53.Put(zone, "mail.spf.example.com.", "TXT", "v=spf1 include:_spf.other.test ~all");
        Aws.Ses.Add(Region, "ok.example.com");
        Aws.Ses.Add(Region, "mx.example.com");
        Aws.Ses.Add(Region, "spf.example.com");
        var view = RenderDomains(out var dialogs);
        view.WaitForAssertion(() => Assert.Equal(3, view.FindAll("tr.identity-row").Count));
        view.Find("button[data-testid=select-all-matching]").Click();
        view.WaitForAssertion(() => Assert.Equal("Set MAIL FROM Domain for 3 identities", BulkButton(view)));

        view.Find("button[data-testid=bulk-setup]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=bulk-pattern]"));
        dialogs.Find("button[data-testid=bulk-review]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("2 of 3 will be set; 1 skipped", dialogs.Find("[data-testid=bulk-review-summary]").TextContent));
        var rows = dialogs.FindAll("[data-testid=bulk-review-table] tbody tr").Select(r => r.TextContent).ToList();
        var mx = Assert.Single(rows, r => r.Contains("mx.example.com", StringComparison.Ordinal) && !r.Contains("spf.", StringComparison.Ordinal));
        Assert.Contains("Skipped", mx);
        Assert.Contains("receives mail", mx);
        var spf = Assert.Single(rows, r => r.StartsWith("spf.example.com", StringComparison.Ordinal));
        Assert.Contains("existing SPF/TXT merged", spf);
        Assert.Contains("include:amazonses.com", spf);
        var ok = Assert.Single(rows, r => r.StartsWith("ok.example.com", StringComparison.Ordinal));
        Assert.Contains("mail.ok.example.com", ok);
        Assert.Contains("example.com", ok);
        Assert.Contains("MX to add", ok);
        Assert.False(dialogs.Find("button[data-testid=bulk-start]").HasAttribute("disabled"));
        // Nothing was changed by the review.
        Assert.Null((await Aws.Ses.GetIdentityMailFromDomainAttributesAsync(Region, ["ok.example.com"]))["ok.example.com"].MailFromDomain);
    }

    [Fact]
    public async Task AViewerSeesJobsButCannotStartOrCancelOne()
    {
        Aws.Route53.AddZone("example.com");
        Aws.Ses.Add(Region, "ok.example.com");
        var bulk = Services.GetRequiredService<IBulkSetupService>();
        var review = (await bulk.ReviewAsync(new BulkRequest(Region, ["ok.example.com"], "bounce.{domain}", BehaviorOnMxFailure.UseDefaultValue))).Value!;
        var id = (await bulk.StartAsync(review)).Value;

        SignInAs(ConsoleRole.Viewer);
        var refused = await bulk.StartAsync(review);
        var cancel = await bulk.CancelAsync(id);
        var page = Render<JobPage>(p => p.Add(x => x.Id, id));

        Assert.Equal("NotAuthorized", refused.ErrorCode);
        Assert.Equal("NotAuthorized", cancel.ErrorCode);
        page.WaitForAssertion(() => Assert.Contains("Running", page.Find("[data-testid=job-state]").TextContent));
        Assert.True(page.Find("button[data-testid=job-cancel]").HasAttribute("disabled"));
        Assert.Contains("bounce.ok.example.com", page.Find("[data-testid=job-rows]").TextContent);
        var domains = Render<IdentitiesView>(p => p.Add(x => x.Type, IdentityType.Domain));
        domains.WaitForAssertion(() => Assert.Single(domains.FindAll("tr.identity-row")));
        domains.Find("[data-testid=select-identity] input, input[data-testid=select-identity]").Change(true);
        Assert.True(domains.Find("button[data-testid=bulk-setup]").HasAttribute("disabled"));
    }
}
