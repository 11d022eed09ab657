using Bunit;
using MailFromConsole.Aws.Policy;
using MailFromConsole.Web.Features.Connection;
using MailFromConsole.Web.Infrastructure.Auth;
using MailFromConsole.Web.Tests.Fakes;

namespace MailFromConsole.Web.Tests.Features.Connection;

/// <summary>The Connection page as an Admin sees it over the fake account (its STS, SES and Route 53), and as others do not.</summary>
public sealed class ConnectionPageTests : ConsoleTestContext
{
    public ConnectionPageTests() => Aws.Ses.Add(Region, "example.com");

    /// <summary>The page under MainLayout's providers (its copy button has a tooltip).</summary>
    private IRenderedComponent<ConnectionPage> RenderPage()
    {
        RenderProviders();
        return Render<ConnectionPage>();
    }

    private static string[] Cells(AngleSharp.Dom.IElement row) => [.. row.QuerySelectorAll("td").Select(td => td.TextContent.Trim())];

    [Fact]
    public void AnAdminSeesTheAccountAndArnTheConsoleRunsAsInEachRegion()
    {
        var page = RenderPage();

        string[][] expected = [["us-east-1", FakeSts.Account, FakeSts.Arn], ["eu-west-1", FakeSts.Account, FakeSts.Arn]];
        page.WaitForAssertion(() => Assert.Equal(expected, page.FindAll("[data-test=connection-identities] tbody tr").Select(Cells)));
        Assert.Empty(page.FindAll("[data-test=connection-error]"));
    }

    [Fact]
    public void ARegionWhoseStsFailsShowsWhyBesideTheOthers()
    {
        Aws.Sts.FailIn("eu-west-1", "ExpiredToken", "The security token included in the request is expired");

        var page = RenderPage();

        page.WaitForAssertion(() =>
        {
            var rows = page.FindAll("[data-test=connection-identities] tbody tr").Select(Cells).ToList();
            Assert.Equal(["us-east-1", FakeSts.Account, FakeSts.Arn], rows[0]);
            Assert.Equal("—", rows[1][1]);
            Assert.Contains("The AWS session has expired", rows[1][2]);
        });
    }

    [Fact]
    public void TheTriedReadActionsAreAllowedAndTheWriteActionsNamedAsNeeded()
    {
        var page = RenderPage();

        page.WaitForAssertion(() =>
        {
            var actions = page.FindAll("[data-test=connection-actions] tbody tr").Select(Cells).ToList();
            Assert.Contains(actions, a => a is ["ses:ListIdentities", "us-east-1", "Allowed", "Allowed."]);
            Assert.Contains(actions, a => a[0] == "route53:ChangeResourceRecordSets" && a[2] == "Needed, not tried");
            Assert.DoesNotContain(actions, a => a[2] == "Denied");
        });
    }

    [Fact]
    public void TheCopyablePolicyListsEveryActionTheConsoleCalls()
    {
        var page = RenderPage();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-test=connection-policy]")));
        var policy = page.Find("[data-test=connection-policy]").TextContent;
        // Without Aws:Route53Accounts there is no role to assume, so sts:AssumeRole is left out.
        Assert.All(LeastPrivilegePolicy.Actions.Where(a => a.Resource != PolicyResource.Route53Role), a => Assert.Contains($"\"{a.IamAction}\"", policy));
        Assert.DoesNotContain("sts:AssumeRole", policy);
        Assert.Equal("Copy IAM policy", page.Find("[data-testid=copy-button]").GetAttribute("aria-label"));
    }

    [Fact]
    public async Task CopyPutsThePolicyOnTheClipboard()
    {
        var copy = JSInterop.Setup<bool>("mailFromConsole.copy", _ => true).SetResult(true);
        var page = RenderPage();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-test=connection-policy]")));

        await page.InvokeAsync(() => page.Find("[data-testid=copy-button]").ClickAsync(new()));

        Assert.Equal(page.Find("[data-test=connection-policy]").TextContent, Assert.Single(copy.Invocations).Arguments[0]);
        Snackbars.WaitForAssertion(() => Assert.Contains("Copied IAM policy", Snackbars.Markup));
    }

    [Theory]
    [InlineData(ConsoleRole.Operator)]
    [InlineData(ConsoleRole.Viewer)]
    public void ANonAdminIsRefusedAndSeesNoIdentityNorPolicy(ConsoleRole role)
    {
        SignInAs(role);

        var page = RenderPage();

        page.WaitForAssertion(() => Assert.Contains("This action needs the Admin role", page.Find("[data-test=connection-error]").TextContent));
        Assert.Empty(page.FindAll("[data-test=connection-identities]"));
        Assert.Empty(page.FindAll("[data-test=connection-policy]"));
        Assert.DoesNotContain(FakeSts.Arn, page.Markup);
    }
}
