using Bunit;
using MailFromConsole.Web.Components.Layout;
using MailFromConsole.Web.Infrastructure.Regions;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.Web.Tests.Infrastructure.Regions;

/// <summary>The region lives in the URL: choosing one puts it there, and what reads it follows without reloading.</summary>
public sealed class RegionStateTests : ConsoleTestContext
{
    private IRegionState State => Services.GetRequiredService<IRegionState>();
    private NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    private IRenderedComponent<MainLayout> RenderLayout() =>
        Render<MainLayout>(p => p.Add(x => x.Body, (RenderFragment)(b => b.AddContent(0, "page body"))));

    private static string? DomainsLink(IRenderedComponent<MainLayout> layout) =>
        layout.FindAll("a").Single(a => a.TextContent.Trim() == "Domains").GetAttribute("href");

    [Fact]
    public async Task ChoosingARegionPutsItIntoTheUrlAndTheMenuFollows()
    {
        Navigation.NavigateTo("domains?identity=example.com");
        var layout = RenderLayout();

        await layout.InvokeAsync(() => State.Select("eu-west-1"));

        Assert.Equal("http://localhost/domains?identity=example.com&region=eu-west-1", Navigation.Uri);
        layout.WaitForAssertion(() => Assert.Equal("domains?region=eu-west-1", DomainsLink(layout)));
    }

    [Fact]
    public async Task APageWhoseUrlNamesNoRegionKeepsTheLastOne()
    {
        Navigation.NavigateTo("domains?region=eu-west-1");
        var layout = RenderLayout();

        await layout.InvokeAsync(() => Navigation.NavigateTo("audit"));

        Assert.Equal("eu-west-1", State.Current);
        Assert.Equal("domains?region=eu-west-1", DomainsLink(layout));
    }

    [Fact]
    public async Task ALinkToAnotherRegionSwitchesLikeTheSelector()
    {
        var layout = RenderLayout();

        await layout.InvokeAsync(() => Navigation.NavigateTo("status?identity=example.com&region=eu-west-1"));

        Assert.Equal("eu-west-1", State.Current);
        layout.WaitForAssertion(() => Assert.Equal("domains?region=eu-west-1", DomainsLink(layout)));
    }

    [Fact]
    public void AnUnknownRegionInTheUrlIsIgnored()
    {
        Navigation.NavigateTo("domains?region=mars-north-1");

        Assert.Equal("us-east-1", State.Current);
    }

    [Fact]
    public async Task ADisposedSubscriptionHearsNothing()
    {
        var layout = RenderLayout();
        var heard = 0;
        var subscription = State.NotifyOnChange(EventCallback.Factory.Create(this, () => heard++));
        subscription.Dispose();

        await layout.InvokeAsync(() => State.Select("eu-west-1"));

        Assert.Equal("eu-west-1", State.Current);
        Assert.Equal(0, heard);
    }
}
