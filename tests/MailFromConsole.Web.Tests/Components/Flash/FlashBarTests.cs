using Bunit;
using MailFromConsole.Core.Ses;
using MailFromConsole.Web.Components.Flash;
using MailFromConsole.Web.Features.MailFrom;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.Web.Tests.Components.Flash;

/// <summary>The one flash bar at the top of the page: what the last action did, until dismissed or another page is opened.</summary>
public sealed class FlashBarTests : ConsoleTestContext
{
    private IRenderedComponent<MailFromSection> RenderSection()
    {
        RenderProviders();
        return Render<MailFromSection>(p => p.Add(x => x.Region, Region).Add(x => x.Identity, "example.com").Add(x => x.Verified, true));
    }

    [Fact]
    public async Task DisablingTheMailFromDomainSaysSoInTheFlashBar()
    {
        Aws.Ses.Add(Region, "example.com").MailFrom = new("mail.example.com", CustomMailFromStatus.Success, BehaviorOnMxFailure.UseDefaultValue);
        var section = RenderSection();
        Assert.Empty(FlashBar.FindAll("[data-testid=flash-bar]"));

        await section.InvokeAsync(() => section.Find("button[data-testid=disable-mailfrom]").ClickAsync(new()));

        FlashBar.WaitForAssertion(() => Assert.Equal("The custom MAIL FROM domain of example.com is disabled.", FlashBar.Find("[data-testid=flash-text]").TextContent));
        Assert.Equal("Success", FlashBar.Find("[data-testid=flash-bar]").GetAttribute("data-severity"));
        Assert.Equal("status", FlashBar.Find("[data-testid=flash-bar]").GetAttribute("role"));
    }

    [Fact]
    public async Task AFailedActionIsAnAlertWithAwsWords()
    {
        Aws.Ses.Add(Region, "example.com").MailFrom = new("mail.example.com", CustomMailFromStatus.Success, BehaviorOnMxFailure.UseDefaultValue);
        var section = RenderSection();
        Aws.Ses.FailNext("SetIdentityMailFromDomain", "Throttling", "Rate exceeded");

        await section.InvokeAsync(() => section.Find("button[data-testid=disable-mailfrom]").ClickAsync(new()));

        FlashBar.WaitForAssertion(() => Assert.Contains("Rate exceeded", FlashBar.Find("[data-testid=flash-text]").TextContent));
        Assert.Equal("alert", FlashBar.Find("[data-testid=flash-bar]").GetAttribute("role"));
    }

    [Fact]
    public async Task TheNewestMessageReplacesTheLastAndDetailsStayFolded()
    {
        RenderProviders();
        var flash = Services.GetRequiredService<IFlashMessages>();

        await FlashBar.InvokeAsync(() => flash.Show(MudBlazor.Severity.Success, "First."));
        await FlashBar.InvokeAsync(() => flash.Show(MudBlazor.Severity.Warning, "Nothing was published.", "Route 53: Tried to delete resource record set but it was not found"));

        Assert.Single(FlashBar.FindAll("[data-testid=flash-bar]"));
        Assert.Equal("Nothing was published.", FlashBar.Find("[data-testid=flash-text]").TextContent);
        var details = FlashBar.Find("details[data-testid=flash-details]");
        Assert.False(details.HasAttribute("open"));
        Assert.Contains("Tried to delete resource record set", details.TextContent);
    }

    [Fact]
    public async Task ItStaysWhileOnlyTheQueryChangesAndGoesOnAnotherPageOrWhenDismissed()
    {
        RenderProviders();
        var flash = Services.GetRequiredService<IFlashMessages>();
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("domains?region=us-east-1");
        await FlashBar.InvokeAsync(() => flash.Show(MudBlazor.Severity.Success, "Removed gone.test from us-east-1."));

        navigation.NavigateTo("domains?region=us-east-1&identity=example.com");
        FlashBar.WaitForAssertion(() => Assert.Single(FlashBar.FindAll("[data-testid=flash-bar]")));

        navigation.NavigateTo("dashboard?region=us-east-1");
        FlashBar.WaitForAssertion(() => Assert.Empty(FlashBar.FindAll("[data-testid=flash-bar]")));

        await FlashBar.InvokeAsync(() => flash.Show(MudBlazor.Severity.Info, "Again."));
        await FlashBar.InvokeAsync(() => FlashBar.Find("[data-testid=flash-bar] button").ClickAsync(new()));
        Assert.Empty(FlashBar.FindAll("[data-testid=flash-bar]"));
    }
}
