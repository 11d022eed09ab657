using System.Net;
using Bunit;
using MailFromConsole.Core.Ses;
using MailFromConsole.Web.Features.Export;
using MailFromConsole.Web.Features.Identities;
using MailFromConsole.Web.Infrastructure.Auth;
using MailFromConsole.Web.Tests.Infrastructure.Auth;
using MailFromConsole.Web.Tests.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace MailFromConsole.Web.Tests.Features.Export;

/// <summary>
/// The export dialog of the details pane, and the download endpoints behind the console's real sign-in, serving the
/// same export service (over this context's fake AWS and account view) as the dialog.
/// </summary>
public sealed class ExportTests : ConsoleTestContext
{
    public ExportTests()
    {
        var zone = Aws.Route53.AddZone("example.net");
        Aws.Route53.Put(zone, "mail.example.net", "MX", "10 feedback-smtp.us-east-1.amazonses.com.");
        Aws.Route53.Put(zone, "mail.example.net", "TXT", "v=spf1 include:amazonses.com ~all");
        Aws.Ses.Add(Region, "example.net").MailFrom = new IdentityMailFromDomainAttributes("mail.example.net", CustomMailFromStatus.Success, BehaviorOnMxFailure.RejectMessage);
        Aws.Route53.AddZone("example.com");
        Aws.Ses.Add(Region, "example.com");
    }

    [Fact]
    public async Task TheDetailsPaneExportsTheIdentityAsTerraformAndCloudFormationInTwoTabs()
    {
        var provider = RenderProviders();
        var pane = Render<IdentityDetails>(p => p.Add(x => x.Region, Region).Add(x => x.Type, IdentityType.Domain).Add(x => x.Identity, "example.net"));

        await pane.InvokeAsync(() => pane.Find("[data-testid=export-open]").ClickAsync(new()));

        provider.WaitForAssertion(() => Assert.Contains("aws_ses_domain_mail_from", provider.Find("[data-testid=export-text-terraform]").TextContent));
        var terraform = provider.Find("[data-testid=export-text-terraform]").TextContent;
        Assert.Contains("id = \"example.net\"", terraform);
        Assert.Contains("mail_from_domain       = \"mail.example.net\"", terraform);
        Assert.Contains("Export example.net as code", provider.Markup);
        var download = provider.Find("form[data-testid=export-download-form-terraform]");
        Assert.Equal(("/export/terraform", "post"), (download.GetAttribute("action"), download.GetAttribute("method")));
        Assert.Equal(["region=us-east-1", "identity=example.net", "__RequestVerificationToken=test-antiforgery-token"], FormFields(download));
        var tabs = provider.FindAll(".mud-tab").Select(t => t.TextContent.Trim()).ToList();
        Assert.Equal(["Terraform", "CloudFormation"], tabs);
    }

    [Fact]
    public async Task ASignedInViewerDownloadsTheSameTextTheDialogShows()
    {
        var provider = RenderProviders();
        await ShowDialogAsync(provider, "Export", new DialogParameters<ExportDialog>
        {
            { d => d.Region, Region },
            { d => d.Identities, ["example.net", "example.com"] },
        });
        provider.WaitForAssertion(() => Assert.NotEmpty(provider.FindAll("[data-testid=export-text-terraform]")));
        var shownTerraform = provider.Find("[data-testid=export-text-terraform]").TextContent;
        await provider.InvokeAsync(() => provider.FindAll(".mud-tab")[1].ClickAsync(new()));
        provider.WaitForAssertion(() => Assert.NotEmpty(provider.FindAll("[data-testid=export-text-cloudformation]")));
        var shownCloudFormation = provider.Find("[data-testid=export-text-cloudformation]").TextContent;
        await using var host = await StartHostAsync();
        using var client = host.NewClient();
        using var signIn = await client.SignInAsync("vera", AuthTestHost.ViewerPassword);

        using var terraform = await client.GetAsync("/export/terraform?region=us-east-1&identity=example.net&identity=example.com");
        using var cloudFormation = await client.GetAsync("/export/cloudformation?region=us-east-1&identity=example.net&identity=example.com");

        Assert.Equal(HttpStatusCode.OK, terraform.StatusCode);
        Assert.Equal(shownTerraform, await terraform.Content.ReadAsStringAsync());
        Assert.Equal("attachment; filename=\"mail-from.tf\"", terraform.Content.Headers.ContentDisposition!.ToString());
        Assert.Equal(shownCloudFormation, await cloudFormation.Content.ReadAsStringAsync());
        Assert.Equal("application/yaml", cloudFormation.Content.Headers.ContentType!.MediaType);
        Assert.Contains("resource \"aws_ses_domain_mail_from\" \"example_com\"", shownTerraform);
    }

    [Theory]
    [InlineData(IdentityType.Domain, "example.net", "example.com")]
    [InlineData(IdentityType.EmailAddress, "user@example.com", "admin@example.com")]
    public async Task TickedIdentitiesAreExportedWithExportSelectionByAViewerToo(IdentityType type, string first, string second)
    {
        Aws.Ses.Add(Region, "user@example.com");
        Aws.Ses.Add(Region, "admin@example.com");
        SignInAs(ConsoleRole.Viewer);
        var provider = RenderProviders();
        var list = Render<IdentitiesView>(p => p.Add(x => x.Type, type));
        list.WaitForAssertion(() => Assert.Equal(2, list.FindAll("tr.identity-row").Count));
        Assert.True(list.Find("button[data-testid=export-selection]").HasAttribute("disabled"));

        foreach (var identity in new[] { first, second }) list.Find($"input[data-testid=select-identity][aria-label='Select {identity}']").Change(true);
        list.WaitForAssertion(() => Assert.False(list.Find("button[data-testid=export-selection]").HasAttribute("disabled")));
        Assert.Equal("Export Selection", list.Find("button[data-testid=export-selection]").TextContent.Trim());
        await list.InvokeAsync(() => list.Find("button[data-testid=export-selection]").ClickAsync(new()));

        provider.WaitForAssertion(() => Assert.Contains("Export 2 identities as code", provider.Markup));
        provider.WaitForAssertion(() => Assert.NotEmpty(provider.FindAll("form[data-testid=export-download-form-terraform]")));
        string[] sorted = [.. new[] { first, second }.Order(StringComparer.OrdinalIgnoreCase)];
        Assert.Equal(["region=us-east-1", .. sorted.Select(i => $"identity={i}"), "__RequestVerificationToken=test-antiforgery-token"],
            FormFields(provider.Find("form[data-testid=export-download-form-terraform]")));
        var terraform = provider.Find("[data-testid=export-text-terraform]").TextContent;
        Assert.Contains($"\"{first}\"", terraform);
        Assert.Contains($"\"{second}\"", terraform);
    }

    [Fact]
    public async Task ASelectionOfTwoThousandIdentitiesDownloadsAsAFormPostWhileShortOnesStillGoByAddress()
    {
        var names = Enumerable.Range(1, 2000).Select(i => $"d{i:D4}.example.com").ToList();
        foreach (var name in names) Aws.Ses.Add(Region, name);
        await using var host = await StartHostAsync();
        using var client = host.NewClient();
        using var signIn = await client.SignInAsync("vera", AuthTestHost.ViewerPassword);
        var fields = names.Select(n => KeyValuePair.Create("identity", n)).Prepend(KeyValuePair.Create("region", Region)).ToList();

        // The sign-out confirmation is a page with the antiforgery field of the signed-in user, as the console's pages have.
        using var terraform = await client.PostFormAsync("/account/logout", "/export/terraform", fields);
        using var cloudFormation = await client.PostFormAsync("/account/logout", "/export/cloudformation", fields);
        using var forged = await client.PostRawAsync("/export/terraform", new Dictionary<string, string> { ["region"] = Region, ["identity"] = names[0] });
        using var byAddress = await client.GetAsync("/export/terraform?region=us-east-1&identity=d0001.example.com&identity=d0002.example.com");

        Assert.Equal(HttpStatusCode.OK, terraform.StatusCode);
        Assert.Equal("attachment; filename=\"mail-from.tf\"", terraform.Content.Headers.ContentDisposition!.ToString());
        var text = await terraform.Content.ReadAsStringAsync();
        Assert.Equal(2000, text.Split("resource \"aws_ses_domain_mail_from\"").Length - 1);
        Assert.Contains("mail_from_domain       = \"mail.d2000.example.com\"", text);
        Assert.Equal(HttpStatusCode.OK, cloudFormation.StatusCode);
        Assert.Contains("d2000.example.com", await cloudFormation.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, byAddress.StatusCode);
        Assert.Equal(2, (await byAddress.Content.ReadAsStringAsync()).Split("resource \"aws_ses_domain_mail_from\"").Length - 1);
    }

    [Fact]
    public async Task DownloadsNeedASignedInUser()
    {
        await using var host = await StartHostAsync();
        using var client = host.NewClient();

        using var terraform = await client.GetAsync("/export/terraform?region=us-east-1&identity=example.net");
        using var cloudFormation = await client.GetAsync("/export/cloudformation?region=us-east-1&identity=example.net");

        Assert.Equal(HttpStatusCode.Redirect, terraform.StatusCode);
        Assert.Equal("/account/login", terraform.Headers.Location!.AbsolutePath);
        Assert.Equal(HttpStatusCode.Redirect, cloudFormation.StatusCode);
    }

    [Fact]
    public async Task AnUnknownRegionOrIdentityIsRefusedWithTheReason()
    {
        (string Path, string Reason)[] refused =
        [
            ("/export/terraform?region=mars-1&identity=example.net", "Unknown region 'mars-1'"),
            ("/export/cloudformation?identity=example.net", "Unknown region (none)"),
            ("/export/terraform?region=us-east-1&identity=nobody.test", "'nobody.test' is not an identity of us-east-1"),
            ("/export/cloudformation?region=us-east-1", "Name at least one identity"),
        ];
        await using var host = await StartHostAsync();
        using var client = host.NewClient();
        using var signIn = await client.SignInAsync("vera", AuthTestHost.ViewerPassword);

        foreach (var (path, reason) in refused)
        {
            using var response = await client.GetAsync(path);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(reason, await response.Content.ReadAsStringAsync());
        }
    }

    private static string[] FormFields(AngleSharp.Dom.IElement form) =>
        [.. form.QuerySelectorAll("input[type=hidden]").Select(i => $"{i.GetAttribute("name")}={i.GetAttribute("value")}")];

    private readonly TempFolder authFolder = new();

    private Task<AuthTestHost> StartHostAsync() => AuthTestHost.StartAsync(AuthTestHost.SeededUsers(authFolder.Path),
        services: s => s.AddScoped(_ => Services.GetRequiredService<IExportService>()),
        endpoints: app => app.MapExport());

    protected override void Dispose(bool disposing)
    {
        if (disposing) authFolder.Dispose();
        base.Dispose(disposing);
    }
}
