using System.Net;
using System.Text;
using MailFromConsole.LocalAws;
using MailFromConsole.LocalAws.Faults;
using MailFromConsole.LocalAws.Local;
using MailFromConsole.Web.Features.Account;
using MailFromConsole.Web.Infrastructure.Auth;
using MailFromConsole.Web.Tests.Infrastructure.Auth;
using MailFromConsole.Web.Tests.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.Web.Tests.Infrastructure.Hosting;

/// <summary>
/// #16 item 3 over real HTTP: the console serves the local AWS's pages on its own port behind its sign-in (Admin for
/// the faults), and the local AWS's port serves none of them, so another site's page can reach neither.
/// </summary>
public sealed class LocalPagesSignInTests : IAsyncLifetime
{
    private const string AdminPassword = "ada-admin-password";
    private const string FaultRule = """{"kind":"ServerError","service":"route53"}""";
    private static readonly Lazy<string> AdminHash = new(() => ConsolePasswordHasher.Hash(AdminPassword));
    private readonly TempFolder _folder = new();
    private AuthTestHost _host = null!;

    private LocalAwsServer Aws => _host.Services.GetRequiredService<LocalAwsServer>();

    public async Task InitializeAsync()
    {
        var settings = AuthTestHost.SeededUsers(_folder.Path);
        settings["Auth:Users:2:Name"] = "ada";
        settings["Auth:Users:2:Role"] = "Admin";
        settings["Auth:Users:2:PasswordHash"] = AdminHash.Value;
        settings["LocalAws:DataFolder"] = Path.Combine(_folder.Path, "local-aws");
        settings["LocalAws:HttpPort"] = "0";
        settings["LocalAws:EnableDnsAndDetection"] = "false";
        // Asked for in configuration, as a user might: the console still keeps the pages off the AWS port.
        settings["LocalAws:PagesOnOwnPort"] = "true";
        _host = await AuthTestHost.StartAsync(settings, withLocalAws: true);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task AnonymousVisitorsAreSentToSignInForThePagesAndGet401FromTheApis()
    {
        using var anonymous = _host.NewClient();

        foreach (var page in new[] { "/_local/mailbox", "/_local/outside-dns" })
        {
            using var response = await anonymous.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith(AccountPaths.Login, response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
        using var faults = await anonymous.GetAsync("/_local/faults");
        using var inject = await anonymous.SendAsync(AddFault());
        using var mailboxJson = await anonymous.GetAsync("/_local/mailbox.json");
        using var zones = await anonymous.GetAsync("/_local/outside-dns/api/zones");

        Assert.All(new[] { faults, inject, mailboxJson, zones }, r => Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode));
        Assert.Empty(Rules());
    }

    [Fact]
    public async Task AViewerSeesTheMailboxAndOutsideDnsButIsRefusedTheFaults()
    {
        using var vera = _host.NewClient();
        await vera.SignInAsync("vera", AuthTestHost.ViewerPassword);

        using var mailbox = await vera.GetAsync("/_local/mailbox");
        using var outside = await vera.GetAsync("/_local/outside-dns");
        using var faults = await vera.GetAsync("/_local/faults");
        using var inject = await vera.SendAsync(AddFault());

        Assert.Equal(HttpStatusCode.OK, mailbox.StatusCode);
        Assert.Contains("Local mailbox", await mailbox.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, outside.StatusCode);
        Assert.Contains(LocalAwsSeeds.OutsideDnsDomain, await outside.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, faults.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, inject.StatusCode);
        Assert.Empty(Rules());
    }

    [Fact]
    public async Task AnAdminInjectsFaultsOnlyWithTheLocalHeaderAndJson()
    {
        using var ada = _host.NewClient();
        await ada.SignInAsync("ada", AdminPassword);

        using var asText = await ada.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/_local/faults")
        {
            Content = new StringContent(FaultRule, Encoding.UTF8, "text/plain"),
            Headers = { { LocalApiGuard.Header, "1" } },
        });
        Assert.Equal(HttpStatusCode.Forbidden, asText.StatusCode);
        Assert.Empty(Rules());

        using var added = await ada.SendAsync(AddFault());
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal("route53", Assert.Single(Rules()).Service);
    }

    [Fact]
    public async Task TheVerificationLinkNeedsOnlyItsToken()
    {
        using var anonymous = _host.NewClient();

        using var response = await anonymous.GetAsync("/_local/verify?token=not-a-token");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("This verification link is not valid", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheLocalAwsPortServesNoneOfThePagesEvenToASignedInBrowser()
    {
        using var ada = _host.NewClient();
        await ada.SignInAsync("ada", AdminPassword);
        // Cookies are not port-scoped: the browser would send the console's cookie to the local AWS's port too.
        var cookies = ada.Cookies.GetCookieHeader(_host.BaseAddress);
        using var http = new HttpClient();

        foreach (var path in new[] { "/_local/mailbox", "/_local/outside-dns", "/_local/faults" })
        {
            using var request = new HttpRequestMessage(path == "/_local/faults" ? HttpMethod.Post : HttpMethod.Get, new Uri(Aws.HttpEndpoint, path))
            {
                Headers = { { "Cookie", cookies }, { LocalApiGuard.Header, "1" } },
                Content = path == "/_local/faults" ? new StringContent(FaultRule, Encoding.UTF8, "application/json") : null,
            };
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        Assert.Empty(Rules());
    }

    private static HttpRequestMessage AddFault() => new(HttpMethod.Post, "/_local/faults")
    {
        Content = new StringContent(FaultRule, Encoding.UTF8, "application/json"),
        Headers = { { LocalApiGuard.Header, "1" } },
    };

    private IReadOnlyList<FaultRule> Rules() => Aws.Faults;
}
