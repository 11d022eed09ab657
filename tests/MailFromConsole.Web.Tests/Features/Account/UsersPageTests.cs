using Bunit;
using MailFromConsole.Web.Features.Account;
using MailFromConsole.Web.Infrastructure.Auth;
using MailFromConsole.Web.Tests.Infrastructure.Storage;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace MailFromConsole.Web.Tests.Features.Account;

public sealed class UsersPageTests : BunitContext, IAsyncLifetime
{
    private readonly TempFolder _folder = new();

    public UsersPageTests()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
        Services.AddAppAuth(_folder.Path);
        // Every page's breadcrumbs link back to the console's home in the current region.
        Services.AddLogging();
        Services.AddOptions<MailFromConsole.Web.Infrastructure.Hosting.ConsoleRegionOptions>();
        Services.AddScoped<MailFromConsole.Web.Infrastructure.Regions.IRegionState, MailFromConsole.Web.Infrastructure.Regions.RegionState>();
    }

    public async Task InitializeAsync()
    {
        await Services.GetRequiredService<LocalUserStore>().AddFirstAdminAsync("ada", ConsolePasswordHasher.Hash("ada-admin-password"));
        Render<MudPopoverProvider>();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        _folder.Dispose();
    }

    private void SignedInAs(string name, ConsoleRole role) => SignedInAs(TestUsers.Principal(role, name));

    private void SignedInAs(System.Security.Claims.ClaimsPrincipal user) =>
        Services.GetRequiredService<IHostEnvironmentAuthenticationStateProvider>()
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(user)));

    /// <summary>ada, the stored Admin, with her cookie's security stamp.</summary>
    private async Task SignedInAsAdaAsync() => SignedInAs(await Services.StoredPrincipalAsync("ada"));

    [Fact]
    public async Task ListsEveryUserAndOffersChangesOnlyForConsoleUsers()
    {
        await SignedInAsAdaAsync();

        var page = Render<UsersPage>();

        page.WaitForAssertion(() =>
        {
            var rows = page.FindAll("tbody tr");
            Assert.Equal(["ada", "otto", "vera"], rows.Select(r => r.QuerySelector("td")!.TextContent.Trim()));
            Assert.Contains("Delete", rows[0].TextContent);
            Assert.DoesNotContain("Delete", rows[1].TextContent);
            Assert.Contains("configuration", rows[1].TextContent);
        });
    }

    [Fact]
    public async Task AddingAUserShowsItInTheList()
    {
        await SignedInAsAdaAsync();
        var page = Render<UsersPage>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tbody tr").Count));

        InputLabelled(page, "New user name").Change("bea");
        InputLabelled(page, "New user's password").Change("bea-viewer-password");
        await page.InvokeAsync(() => page.FindAll("button").Single(b => b.TextContent.Trim() == "Add user").Click());

        page.WaitForAssertion(() =>
        {
            Assert.Contains("User 'bea' can now sign in as Viewer.", page.Find("[data-test='users-message']").TextContent);
            Assert.Equal(4, page.FindAll("tbody tr").Count);
        });
    }

    [Fact]
    public async Task AnOpenUsersPageOfAnAdminDemotedSinceCanNoLongerAddUsers()
    {
        await SignedInAsAdaAsync();
        var page = Render<UsersPage>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tbody tr").Count));

        // Demoted elsewhere (another instance); this page's circuit still holds the Admin claims.
        await Services.GetRequiredService<LocalUserStore>().SetRoleAsync("ada", ConsoleRole.Viewer);
        InputLabelled(page, "New user name").Change("mallory");
        InputLabelled(page, "New user's password").Change("mallory-password");
        await page.InvokeAsync(() => page.FindAll("button").Single(b => b.TextContent.Trim() == "Add user").Click());

        page.WaitForAssertion(() => Assert.Contains("has ended", page.Find("[data-test='users-message']").TextContent));
        Assert.Null(await Services.GetRequiredService<UserDirectory>().FindAsync("mallory"));
    }

    [Fact]
    public void OperatorSeesTheRefusalInsteadOfTheUsers()
    {
        SignedInAs("otto", ConsoleRole.Operator);

        var page = Render<UsersPage>();

        page.WaitForAssertion(() =>
            Assert.Contains("This action needs the Admin role", page.Find("[data-test='users-message']").TextContent));
        Assert.Empty(page.FindAll("tbody tr"));
    }

    private static AngleSharp.Dom.IElement InputLabelled(IRenderedComponent<UsersPage> page, string label)
    {
        var forId = page.FindAll("label").Single(l => l.TextContent.Trim() == label).GetAttribute("for");
        return page.Find($"input[id='{forId}']");
    }
}
