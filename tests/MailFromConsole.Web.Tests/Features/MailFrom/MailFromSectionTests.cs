using Bunit;
using MailFromConsole.Core.Ses;
using MailFromConsole.Web.Features.MailFrom;
namespace MailFromConsole.Web.Tests.Features.MailFrom;

public sealed class MailFromSectionTests : ConsoleTestContext
{
    private IRenderedComponent<MailFromSection> RenderSection(string identity, bool verified = true)
    {
        RenderProviders();
        var section = Render<MailFromSection>(p => p.Add(x => x.Region, Region).Add(x => x.Identity, identity).Add(x => x.Verified, verified));
        section.WaitForAssertion(() => Assert.NotEmpty(section.FindAll("[data-testid=mailfrom-effective]")));
        return section;
    }

    private static bool Has(IRenderedComponent<MailFromSection> section, string testId) =>
        section.FindAll($"button[data-testid={testId}], a[data-testid={testId}]").Count > 0;

    [Fact]
    public void WithoutACustomDomainItSaysTheRegionDefaultIsUsedAndOffersOnlySet()
    {
        Aws.Ses.Add(Region, "example.com");

        var section = RenderSection("example.com");

        Assert.Equal("Not set", section.Find("[data-testid=mailfrom-domain]").TextContent);
        Assert.Contains("amazonses.com", section.Find("[data-testid=mailfrom-effective]").TextContent);
        Assert.True(Has(section, "set-mailfrom"));
        Assert.False(Has(section, "disable-mailfrom"));
        Assert.False(Has(section, "restart-setup"));
    }

    [Fact]
    public void PendingWithRejectMessageSaysMailIsRejectedForNow()
    {
        Aws.Ses.Add(Region, "example.com").MailFrom = new("mail.example.com", CustomMailFromStatus.Pending, BehaviorOnMxFailure.RejectMessage);

        var section = RenderSection("example.com");

        Assert.Equal("Reject message", section.Find("[data-testid=mailfrom-behavior]").TextContent);
        Assert.Contains("72 hours", section.Find("[data-testid=mailfrom-meaning]").TextContent);
        Assert.Contains("MailFromDomainNotVerified", section.Find("[data-testid=mailfrom-effective]").TextContent);
        Assert.False(Has(section, "restart-setup"));
        Assert.True(Has(section, "disable-mailfrom"));
    }

    [Fact]
    public async Task RestartSetupAppearsAfterFailedAndStartsDetectionAgain()
    {
        var identity = Aws.Ses.Add(Region, "example.com");
        identity.MailFrom = new("mail.example.com", CustomMailFromStatus.Failed, BehaviorOnMxFailure.UseDefaultValue);
        var section = RenderSection("example.com");
        Assert.Contains("restart the setup", section.Find("[data-testid=mailfrom-meaning]").TextContent);

        await section.InvokeAsync(() => section.Find("button[data-testid=restart-setup]").ClickAsync(new()));

        section.WaitForAssertion(() => Assert.Equal(CustomMailFromStatus.Pending, identity.MailFrom.MailFromDomainStatus));
        section.WaitForAssertion(() => Assert.False(Has(section, "restart-setup")));
        Assert.Equal("mail.example.com", identity.MailFrom.MailFromDomain);
    }

    [Fact]
    public void AnUnverifiedIdentityCannotSetAMailFromDomain()
    {
        Aws.Ses.Add(Region, "pending.test", VerificationStatus.Pending);

        var section = RenderSection("pending.test", verified: false);

        Assert.True(section.Find("button[data-testid=set-mailfrom]").HasAttribute("disabled"));
        Assert.Contains("Verify the identity first", section.Markup);
    }

    [Fact]
    public async Task AFailedDisableShowsTheAwsMessageAndKeepsTheSection()
    {
        Aws.Ses.Add(Region, "example.com").MailFrom = new("mail.example.com", CustomMailFromStatus.Success, BehaviorOnMxFailure.UseDefaultValue);
        var section = RenderSection("example.com");
        Aws.Ses.FailNext("SetIdentityMailFromDomain", "Throttling", "Rate exceeded");

        await section.InvokeAsync(() => section.Find("button[data-testid=disable-mailfrom]").ClickAsync(new()));

        FlashBar.WaitForAssertion(() => Assert.Contains("Rate exceeded", FlashBar.Find("[data-testid=flash-bar][data-severity=Error]").TextContent));
        Assert.Equal("mail.example.com", section.Find("[data-testid=mailfrom-domain]").TextContent);
    }

    [Fact]
    public async Task SettingThroughTheDialogOpensTheRecordsWindow()
    {
        Aws.Ses.Add(Region, "example.com");
        var provider = RenderProviders();
        var section = Render<MailFromSection>(p => p.Add(x => x.Region, Region).Add(x => x.Identity, "example.com").Add(x => x.Verified, true));
        section.WaitForAssertion(() => Assert.NotEmpty(section.FindAll("button[data-testid=set-mailfrom]")));

        _ = section.InvokeAsync(() => section.Find("button[data-testid=set-mailfrom]").ClickAsync(new())); // completes when the dialogs close
        provider.WaitForAssertion(() => Assert.NotEmpty(provider.FindAll("[data-testid=set-mailfrom-dialog] input[type=text]")));
        provider.Find("[data-testid=set-mailfrom-dialog] input[type=text]").Input("mail.example.com");
        provider.WaitForAssertion(() => Assert.False(provider.Find("button[data-testid=dialog-set]").HasAttribute("disabled")));
        await provider.InvokeAsync(() => provider.Find("button[data-testid=dialog-set]").ClickAsync(new()));

        provider.WaitForAssertion(() => Assert.Equal(2, provider.FindAll("[data-testid=record-row]").Count));
        section.WaitForAssertion(() => Assert.Equal("mail.example.com", section.Find("[data-testid=mailfrom-domain]").TextContent));
    }
}
