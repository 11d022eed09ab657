using Bunit;
using MailFromConsole.Core.Ses;
using MailFromConsole.Web.Features.Identities;
using MailFromConsole.Web.Features.View;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace MailFromConsole.Web.Tests.Features.Identities;

/// <summary>Sorting and filtering the list by status: over all identities once the first round has read them, and said so until then.</summary>
public sealed class IdentityStatusSortingTests : ConsoleTestContext
{
    public IdentityStatusSortingTests()
    {
        Aws.Ses.Add(Region, "a-pending.test").MailFrom = new("mail.a-pending.test", CustomMailFromStatus.Pending, BehaviorOnMxFailure.UseDefaultValue);
        Aws.Ses.Add(Region, "b-failed.test", VerificationStatus.Failed);
        Aws.Ses.Add(Region, "c-success.test").MailFrom = new("mail.c-success.test", CustomMailFromStatus.Success, BehaviorOnMxFailure.UseDefaultValue);
    }

    private IRenderedComponent<IdentitiesView> RenderList()
    {
        RenderProviders();
        var view = Render<IdentitiesView>(p => p.Add(x => x.Type, IdentityType.Domain));
        view.WaitForAssertion(() => Assert.Equal(3, view.FindAll("tr.identity-row").Count));
        return view;
    }

    private static IReadOnlyList<string> Names(IRenderedComponent<IdentitiesView> view) =>
        view.FindAll("tr.identity-row [data-testid=identity-link]").Select(l => l.TextContent.Trim()).ToList();

    [Fact]
    public async Task StatusSortingWaitsUntilEveryListedIdentityHasItsStatusAndSaysSo()
    {
        var view = RenderList();
        Assert.Empty(view.FindAll("[data-testid=status-sort-pending]"));

        // A first ListIdentities page brought a name whose status is not read yet.
        await Services.GetRequiredService<AccountView>().ListedAsync(Region, ["d-new.test"], firstPage: true, lastPage: false, CancellationToken.None);

        view.WaitForAssertion(() => Assert.Contains("available when all", view.Find("[data-testid=status-sort-pending]").TextContent));
        Assert.All(view.FindComponents<MudTableSortLabel<IdentityRow>>().Where(l => l.Instance.SortLabel != "identity"), l => Assert.False(l.Instance.Enabled));
        Assert.True(view.FindComponent<MudSelect<VerificationStatus?>>().Instance.Disabled);

        Aws.Ses.Add(Region, "d-new.test");

        view.WaitForAssertion(() => Assert.Empty(view.FindAll("[data-testid=status-sort-pending]")));
        Assert.All(view.FindComponents<MudTableSortLabel<IdentityRow>>(), l => Assert.True(l.Instance.Enabled));
        Assert.False(view.FindComponent<MudSelect<VerificationStatus?>>().Instance.Disabled);
    }

    [Fact]
    public void SortingByMailFromStatusOrdersEveryIdentityByItsStatus()
    {
        var view = RenderList();

        view.Find("[data-testid=sort-mailfrom]").Click();

        // Pending, Success, then identities without a custom MAIL FROM domain.
        view.WaitForAssertion(() => Assert.Equal(["a-pending.test", "c-success.test", "b-failed.test"], Names(view)));
    }

    [Fact]
    public async Task FilteringByVerificationStatusShowsOnlyThatStatus()
    {
        var view = RenderList();
        var filter = view.FindComponent<MudSelect<VerificationStatus?>>();

        await view.InvokeAsync(() => filter.Instance.ValueChanged.InvokeAsync(VerificationStatus.Failed));

        view.WaitForAssertion(() => Assert.Equal(["b-failed.test"], Names(view)));
    }
}
