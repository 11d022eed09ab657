using System.Net;
using Bunit;
using MailFromConsole.Core.Ses;
using MailFromConsole.Web.Features.Export;
using MailFromConsole.Web.Features.Identities;
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
        Assert.Equal("/export/terraform?region=us-east-1&identity=example.net",
            provider.Find("[data-testid=export-download-terraform]").GetAttribute("href"));
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
