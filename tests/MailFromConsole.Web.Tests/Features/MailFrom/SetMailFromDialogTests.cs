using Bunit;
using MailFromConsole.Core.Ses;
using MailFromConsole.Web.Features.MailFrom;
using MudBlazor;

namespace MailFromConsole.Web.Tests.Features.MailFrom;

public sealed class SetMailFromDialogTests : ConsoleTestContext
{
    private async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> OpenAsync(string identity, IdentityMailFromDomainAttributes? current = null)
    {
        var provider = RenderProviders();
        var dialog = await ShowDialogAsync(provider, "Set MAIL FROM Domain", new DialogParameters<SetMailFromDialog>
        {
            { d => d.Region, Region },
            { d => d.Identity, identity },
            { d => d.Current, current },
        });
        return (provider, dialog);
    }

    private static void Type(IRenderedComponent<MudDialogProvider> provider, string value) =>
        provider.Find("[data-testid=set-mailfrom-dialog] input[type=text]").Input(value);

    private static bool SetDisabled(IRenderedComponent<MudDialogProvider> provider) =>
        provider.Find("button[data-testid=dialog-set]").HasAttribute("disabled");

    [Fact]
    public async Task ADomainOutsideTheIdentitysDomainShowsAClearMessageAndCannotBeSet()
    {
        Aws.Ses.Add(Region, "user@example.com");
        var (provider, _) = await OpenAsync("user@example.com");

        Type(provider, "mail.example.org");

        provider.WaitForAssertion(() => Assert.Contains("subdomain of example.com", provider.Markup));
        Assert.True(SetDisabled(provider));
    }

    [Fact]
    public async Task TheIdentitysOwnDomainIsRefused()
    {
        var (provider, _) = await OpenAsync("example.com");

        Type(provider, "example.com");

        provider.WaitForAssertion(() => Assert.True(SetDisabled(provider)));
        Assert.Contains("mud-input-error", provider.Markup);
    }

    [Fact]
    public async Task AValidSubdomainEnablesSetAndShowsTheNormalizedName()
    {
        Aws.Ses.Add(Region, "example.com");
        var (provider, _) = await OpenAsync("example.com");

        Type(provider, "Mail.Example.COM.");

        provider.WaitForAssertion(() => Assert.False(SetDisabled(provider)));
        Assert.Contains("Will be set as mail.example.com", provider.Find("[data-testid=mailfrom-normalized]").TextContent);
    }

    [Fact]
    public async Task BothBehavioursAreOfferedInTheConsolesWords()
    {
        var (provider, _) = await OpenAsync("example.com");

        Assert.Contains("Behavior if MX record not found", provider.Markup);
        Assert.Contains("Use us-east-1.amazonses.com as MAIL FROM", provider.Markup);
        Assert.Contains("Reject message", provider.Markup);
        Assert.Contains("MailFromDomainNotVerified", provider.Markup);
    }

    [Fact]
    public async Task SetWithRejectMessageStoresItInSesAndClosesWithTheResult()
    {
        Aws.Ses.Add(Region, "example.com");
        var (provider, dialog) = await OpenAsync("example.com");

        Type(provider, "mail.example.com");
        await provider.InvokeAsync(() => provider.FindAll("input[type=radio]").Single(r => r.ParentElement!.ParentElement!.TextContent.Contains("Reject message")).ClickAsync(new()));
        provider.WaitForAssertion(() => Assert.False(SetDisabled(provider)));
        await provider.InvokeAsync(() => provider.Find("button[data-testid=dialog-set]").ClickAsync(new()));

        var result = await dialog.Result;
        var outcome = Assert.IsType<MailFromDialogResult>(result!.Data);
        Assert.Equal(MailFromDialogAction.Set, outcome.Action);
        Assert.Equal(new IdentityMailFromDomainAttributes("mail.example.com", CustomMailFromStatus.Pending, BehaviorOnMxFailure.RejectMessage),
            Aws.Ses.Find(Region, "example.com")!.MailFrom);
    }

    [Fact]
    public async Task AnSesErrorIsShownInTheDialogWhichStaysOpen()
    {
        Aws.Ses.Add(Region, "example.com");
        Aws.Ses.FailNext("SetIdentityMailFromDomain", "Throttling", "Rate exceeded");
        var (provider, _) = await OpenAsync("example.com");

        Type(provider, "mail.example.com");
        provider.WaitForAssertion(() => Assert.False(SetDisabled(provider)));
        await provider.InvokeAsync(() => provider.Find("button[data-testid=dialog-set]").ClickAsync(new()));

        provider.WaitForAssertion(() => Assert.Contains("Rate exceeded", provider.Find("[data-testid=set-error]").TextContent));
        Assert.NotEmpty(provider.FindAll("[data-testid=set-mailfrom-dialog]"));
    }

    [Fact]
    public async Task DisableIsOfferedWhenSetAndClearsTheDomain()
    {
        var identity = Aws.Ses.Add(Region, "example.com");
        identity.MailFrom = new("mail.example.com", CustomMailFromStatus.Failed, BehaviorOnMxFailure.UseDefaultValue);
        var (provider, dialog) = await OpenAsync("example.com", identity.MailFrom);

        await provider.InvokeAsync(() => provider.Find("button[data-testid=dialog-disable]").ClickAsync(new()));

        var outcome = Assert.IsType<MailFromDialogResult>((await dialog.Result)!.Data);
        Assert.Equal(MailFromDialogAction.Disabled, outcome.Action);
        Assert.Null(identity.MailFrom.MailFromDomain);
    }

    [Fact]
    public async Task AWarningAppearsWhenTheSubdomainAlreadyReceivesMail()
    {
        Aws.Ses.Add(Region, "example.com").ForwardingEnabled = false;
        var zone = Aws.Route53.AddZone("example.com");
        Aws.Route53.Put(zone, "inbox.example.com", "MX", "10 mx.mailhost.example.net.");
        var (provider, _) = await OpenAsync("example.com");

        Type(provider, "inbox.example.com");

        provider.WaitForAssertion(() => Assert.Contains("mx.mailhost.example.net", provider.Find("[data-testid=mailfrom-warning]").TextContent), TimeSpan.FromSeconds(5));
    }
}
