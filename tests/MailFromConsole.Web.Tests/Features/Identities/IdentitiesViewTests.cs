using Bunit;
using MailFromConsole.Core.Ses;
using MailFromConsole.Web.Features.Identities;
using MailFromConsole.Web.Infrastructure.Regions;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.Web.Tests.Features.Identities;

public sealed class IdentitiesViewTests : ConsoleTestContext
{
    private IRenderedComponent<MudBlazor.MudDialogProvider> provider = null!;

    private IRenderedComponent<IdentitiesView> RenderView(IdentityType type, string? selected = null)
    {
        provider = RenderProviders();
        return Render<IdentitiesView>(p => p.Add(x => x.Type, type).Add(x => x.Selected, selected));
    }

    [Fact]
    public void ListsDomainsWithTheirVerificationAndMailFromStatus()
    {
        Aws.Ses.Add(Region, "example.com").MailFrom = new("mail.example.com", CustomMailFromStatus.Success, BehaviorOnMxFailure.UseDefaultValue);
        Aws.Ses.Add(Region, "failed.test", VerificationStatus.Failed);
        Aws.Ses.Add(Region, "user@example.com");

        var view = RenderView(IdentityType.Domain);

        view.WaitForAssertion(() => Assert.Equal(2, view.FindAll("tr.identity-row").Count));
        view.WaitForAssertion(() => Assert.Equal("Domains (2)", view.Find("h1[data-testid=identity-count-title]").TextContent));
        var rows = view.FindAll("tr.identity-row");
        Assert.Contains("verified", rows[0].TextContent);
        Assert.Contains("mail.example.com", rows[0].TextContent);
        Assert.Contains("Success", rows[0].TextContent);
        Assert.Contains("Not started", rows[1].TextContent);
        Assert.Contains("failed", rows[1].TextContent);
        Assert.DoesNotContain("user@example.com", view.Markup);
    }

    [Fact]
    public void ThePrerenderedDocumentAlreadyCarriesTheFirstPageOfRows()
    {
        for (var i = 0; i < 30; i++) Aws.Ses.Add(Region, $"d{i:00}.test");
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var view = RenderView(IdentityType.Domain);

        // A table loads server data only once interactive: without the prerendered page the document would show no row.
        var rows = view.FindAll("tr.identity-row");
        Assert.Equal(25, rows.Count);
        Assert.Equal("d00.test", rows[0].QuerySelector("[data-testid=identity-link]")!.TextContent);
        Assert.Equal("d24.test", rows[^1].QuerySelector("[data-testid=identity-link]")!.TextContent);
    }

    [Fact]
    public void AnEmptyRegionShowsTheEmptyState()
    {
        var view = RenderView(IdentityType.EmailAddress);

        view.WaitForAssertion(() => Assert.Contains("No email addresses in us-east-1", view.Find("[data-testid=identity-empty-state]").TextContent));
    }

    [Fact]
    public void AnAwsErrorIsShownAboveTheListAndThePageKeepsWorking()
    {
        Aws.Ses.FailNext("ListIdentities", "Throttling", "Rate exceeded");

        var view = RenderView(IdentityType.Domain);

        view.WaitForAssertion(() => Assert.Contains("Rate exceeded", view.Find("[data-testid=list-error]").TextContent));
        Assert.NotEmpty(view.FindAll("button[data-testid=add-identity]"));
    }

    [Fact]
    public void SwitchingRegionReloadsTheListAndKeepsTheSelection()
    {
        Aws.Ses.Add(Region, "example.com");
        Aws.Ses.Add("eu-west-1", "example.com").MailFrom = new("mail.example.com", CustomMailFromStatus.Pending, BehaviorOnMxFailure.RejectMessage);
        Aws.Ses.Add("eu-west-1", "only-in-eu.test");
        var view = RenderView(IdentityType.Domain, "example.com");
        view.WaitForAssertion(() => Assert.Single(view.FindAll("tr.identity-row")));

        view.InvokeAsync(() => Services.GetRequiredService<IRegionState>().Select("eu-west-1"));

        view.WaitForAssertion(() => Assert.Equal(2, view.FindAll("tr.identity-row").Count));
        view.WaitForAssertion(() => Assert.Contains("mail.example.com", view.Find("[data-testid=mailfrom-domain]").TextContent));
        Assert.Contains("example.com", view.Find("[data-testid=identity-details]").TextContent);
    }

    [Fact]
    public void ClickingARowSelectsItInTheAddressBar()
    {
        Aws.Ses.Add(Region, "example.com");
        var view = RenderView(IdentityType.Domain);
        view.WaitForAssertion(() => Assert.Single(view.FindAll("tr.identity-row")));

        view.Find("tr.identity-row").Click();

        Assert.EndsWith("?identity=example.com", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public void AfterAPageChangeEachRowShowsAndActsOnItsNewIdentity()
    {
        // 30 domains: the second page has 5, shown in rows the first page used.
        foreach (var i in Enumerable.Range(1, 30)) Aws.Ses.Add(Region, $"d{i:D2}.example.com");
        var view = RenderView(IdentityType.Domain);
        view.WaitForAssertion(() => Assert.Equal(25, view.FindAll("tr.identity-row").Count));

        view.FindAll(".mud-table-pagination-actions button")[2].Click();
        view.WaitForAssertion(() => Assert.Equal(
            ["d26.example.com", "d27.example.com", "d28.example.com", "d29.example.com", "d30.example.com"],
            view.FindAll("tr.identity-row [data-testid=identity-link]").Select(a => a.TextContent.Trim())));
        Assert.All(view.FindAll("tr.identity-row [data-testid=identity-link]"), a => Assert.EndsWith($"identity={a.TextContent.Trim()}", a.GetAttribute("href")));

        view.FindAll("input[data-testid=select-identity]")[0].Change(true);
        view.WaitForAssertion(() => Assert.Equal("Set MAIL FROM Domain for 1 identity", view.Find("button[data-testid=bulk-setup]").TextContent.Trim()));
        view.FindAll("tr.identity-row")[1].Click();
        Assert.EndsWith("?identity=d27.example.com", Services.GetRequiredService<NavigationManager>().Uri);

        // Back on the first page, the row that showed d26 shows d01 again, not ticked: the tick belongs to d26.
        view.FindAll(".mud-table-pagination-actions button")[1].Click();
        view.WaitForAssertion(() => Assert.Equal("d01.example.com", view.Find("tr.identity-row [data-testid=identity-link]").TextContent.Trim()));
        Assert.False(view.FindAll("input[data-testid=select-identity]")[0].HasAttribute("checked"));
        view.FindAll(".mud-table-pagination-actions button")[2].Click();
        view.WaitForAssertion(() => Assert.True(view.FindAll("input[data-testid=select-identity]")[0].HasAttribute("checked")));
    }

    [Fact]
    public async Task RemovingAsksForConfirmationThenDeletes()
    {
        Aws.Ses.Add(Region, "gone.test");
        var view = RenderView(IdentityType.Domain, "gone.test");
        view.WaitForAssertion(() => Assert.NotEmpty(view.FindAll("button[data-testid=remove-identity]")));

        // The click's handler waits for the confirmation, so it is not awaited here.
        var click = view.InvokeAsync(() => view.Find("button[data-testid=remove-identity]").ClickAsync(new()));
        provider.WaitForAssertion(() => Assert.Contains("Remove gone.test from us-east-1?", provider.Markup));
        Assert.NotNull(Aws.Ses.Find(Region, "gone.test"));
        await provider.InvokeAsync(() => provider.FindAll("button").Single(b => b.TextContent.Trim() == "Remove").ClickAsync(new()));

        await click;
        Assert.Null(Aws.Ses.Find(Region, "gone.test"));
    }

    [Fact]
    public async Task AddingADomainShowsItsVerificationRecord()
    {
        var view = RenderView(IdentityType.Domain);
        view.WaitForAssertion(() => Assert.NotEmpty(view.FindAll("[data-testid=identity-empty-state]")));

        _ = view.InvokeAsync(() => view.Find("button[data-testid=add-identity]").ClickAsync(new())); // completes when the dialog closes
        provider.WaitForAssertion(() => Assert.NotEmpty(provider.FindAll("[data-testid=add-identity-dialog] input")));
        provider.Find("[data-testid=add-identity-dialog] input").Input("new.example.com");
        await provider.InvokeAsync(() => provider.Find("button[data-testid=verify-identity]").ClickAsync(new()));

        provider.WaitForAssertion(() => Assert.Contains("_amazonses.new.example.com", provider.Find("[data-testid=verification-record]").TextContent));
        Assert.Contains("token-us-east-1-new.example.com", provider.Find("[data-testid=verification-record]").TextContent);
    }

    [Fact]
    public async Task AMalformedEmailAddressCannotBeSubmitted()
    {
        var view = RenderView(IdentityType.EmailAddress);

        _ = view.InvokeAsync(() => view.Find("button[data-testid=add-identity]").ClickAsync(new())); // completes when the dialog closes
        provider.WaitForAssertion(() => Assert.NotEmpty(provider.FindAll("[data-testid=add-identity-dialog] input")));
        provider.Find("[data-testid=add-identity-dialog] input").Input("not an address");

        provider.WaitForAssertion(() => Assert.True(provider.Find("button[data-testid=verify-identity]").HasAttribute("disabled")));
    }

    [Fact]
    public void ASelectionThatDoesNotExistInTheNewRegionSaysSo()
    {
        Aws.Ses.Add(Region, "example.com");
        var view = RenderView(IdentityType.Domain, "example.com");
        view.WaitForAssertion(() => Assert.Single(view.FindAll("tr.identity-row")));

        view.InvokeAsync(() => Services.GetRequiredService<IRegionState>().Select("eu-west-1"));

        view.WaitForAssertion(() => Assert.Contains("example.com is not an identity in eu-west-1", view.Find("[data-testid=details-error]").TextContent));
        // A plain fact about the region, not a failure: shown as information.
        Assert.Contains("mud-alert-text-info", view.Find("[data-testid=details-error]").ClassName);
        Assert.Empty(view.FindAll("[data-testid=mailfrom-section]"));
    }
}
