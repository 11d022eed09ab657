using Bunit;
using MailFromConsole.Web.Components.Layout;
using MailFromConsole.Web.Infrastructure.Auth;
using MailFromConsole.Web.Infrastructure.Regions;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.Web.Tests.Components.Layout;

public sealed class MainLayoutTests : ConsoleTestContext
{
    private IRenderedComponent<MainLayout> RenderLayout() =>
        Render<MainLayout>(p => p.Add(x => x.Body, (RenderFragment)(b => b.AddContent(0, "page body"))));

    [Fact]
    public void ShowsTheSesNavigationAndThePage()
    {
        var layout = RenderLayout();

        Assert.Contains("Identity Management", layout.Markup);
        Assert.Equal("email-addresses?region=us-east-1", layout.FindAll("a").Single(a => a.TextContent.Trim() == "Email Addresses").GetAttribute("href"));
        Assert.Equal("domains?region=us-east-1", layout.FindAll("a").Single(a => a.TextContent.Trim() == "Domains").GetAttribute("href"));
        Assert.Contains("page body", layout.Markup);
    }

    [Fact]
    public void AnAdminReachesTheConnectionPageFromTheNavigation()
    {
        var layout = RenderLayout();

        Assert.Equal("connection", layout.FindAll("a").Single(a => a.TextContent.Trim() == "Connection").GetAttribute("href"));
    }

    [Theory]
    [InlineData(ConsoleRole.Operator)]
    [InlineData(ConsoleRole.Viewer)]
    public void OthersHaveNoConnectionNorUsersInTheNavigation(ConsoleRole role)
    {
        SignInAs(role);

        var layout = RenderLayout();

        Assert.DoesNotContain(layout.FindAll("a"), a => a.TextContent.Trim() is "Connection" or "Users");
        Assert.Contains(layout.FindAll("a"), a => a.TextContent.Trim() == "Audit Log");
    }

    [Fact]
    public void ShowsWhoIsSignedInAndASignOutFormWithItsAntiforgeryToken()
    {
        SignInAs(ConsoleRole.Viewer);

        var layout = RenderLayout();

        Assert.Contains("vera (Viewer)", layout.Find(".mfc-account-name").TextContent);
        var form = layout.Find(".mfc-account form");
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal("test-antiforgery-token", form.QuerySelector("input[type=hidden]")!.GetAttribute("value"));
    }

    [Fact]
    public void MarksTheCircuitReadyAfterTheFirstRender()
    {
        var layout = RenderLayout();

        layout.WaitForAssertion(() => Assert.Equal("true", layout.Find("#console-ready").GetAttribute("data-ready")));
    }

    [Fact]
    public void TheRegionSelectorStartsOnTheConfiguredDefaultRegion()
    {
        var layout = RenderLayout();

        Assert.Equal("us-east-1", Services.GetRequiredService<IRegionState>().Current);
        Assert.Contains("us-east-1", layout.Find("[data-testid=region-selector]").InnerHtml);
    }

    [Fact]
    public void ADeepLinkChoosesItsRegionAndTheNavigationKeepsIt()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("domains?region=eu-west-1&identity=example.com");

        var layout = RenderLayout();

        Assert.Equal("eu-west-1", Services.GetRequiredService<IRegionState>().Current);
        Assert.Equal("domains?region=eu-west-1", layout.FindAll("a").Single(a => a.TextContent.Trim() == "Domains").GetAttribute("href"));
    }

    [Fact]
    public void ChoosingAnotherRegionTellsThePages()
    {
        var region = Services.GetRequiredService<IRegionState>();
        var changes = 0;
        using var subscription = region.NotifyOnChange(EventCallback.Factory.Create(this, () => changes++));

        region.Select("eu-west-1");
        region.Select("eu-west-1");
        region.Select("mars-north-1");

        Assert.Equal("eu-west-1", region.Current);
        Assert.Equal(1, changes);
        Assert.Equal(["us-east-1", "eu-west-1"], region.Regions);
    }
}
