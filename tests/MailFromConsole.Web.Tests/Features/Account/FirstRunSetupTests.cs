using System.Net;
using System.Text.RegularExpressions;
using MailFromConsole.Web.Features.Account;
using MailFromConsole.Web.Infrastructure.Auth;
using MailFromConsole.Web.Tests.Infrastructure.Auth;
using MailFromConsole.Web.Tests.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;
namespace MailFromConsole.Web.Tests.Features.Account;

public sealed partial class FirstRunSetupTests : IDisposable
{
    private static readonly TimeSpan LogWait = TimeSpan.FromSeconds(10);
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task FirstRunPrintsAOneTimeSetupLinkAndTheSignInPageSaysWhereToFindIt()
    {
        await using var host = await AuthTestHost.StartAsync(new Dictionary<string, string?> { ["Auth:DataFolder"] = _folder.Path });

        var link = await SetupLinkAsync(host);
        using var client = host.NewClient();
        using var login = await client.GetAsync("/account/login");

        Assert.Equal(host.BaseAddress.GetLeftPart(UriPartial.Authority), link.GetLeftPart(UriPartial.Authority));
        Assert.Matches("^token=[0-9a-f]{64}$", link.Query.TrimStart('?'));
        Assert.Contains("Open the one-time setup link printed in the console", await login.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SetupLinkCreatesTheFirstAdministratorSignsThemInAndThenStopsWorking()
    {
        await using var host = await AuthTestHost.StartAsync(new Dictionary<string, string?> { ["Auth:DataFolder"] = _folder.Path });
        var link = await SetupLinkAsync(host);
        using var client = host.NewClient();

        using var created = await client.PostFormAsync(link.PathAndQuery, "/setup", new Dictionary<string, string>
        {
            ["userName"] = "ada",
            ["password"] = "a-long-admin-password",
            ["confirmPassword"] = "a-long-admin-password",
        });

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        using var home = await client.GetAsync("/");
        Assert.Equal("Console for ada (Admin)", await home.Content.ReadAsStringAsync());
        using var again = await host.NewClient().GetAsync(link.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("/account/login", again.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task AdministratorCreatedAtSetupCanSignInAfterARestart()
    {
        var settings = new Dictionary<string, string?> { ["Auth:DataFolder"] = _folder.Path };
        await using (var first = await AuthTestHost.StartAsync(settings))
        {
            using var client = first.NewClient();
            using var created = await client.PostFormAsync((await SetupLinkAsync(first)).PathAndQuery, "/setup", new Dictionary<string, string>
            {
                ["userName"] = "ada", ["password"] = "a-long-admin-password", ["confirmPassword"] = "a-long-admin-password",
            });
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }

        await using var second = await AuthTestHost.StartAsync(settings);
        using var again = second.NewClient();
        using var signIn = await again.SignInAsync("ada", "a-long-admin-password");

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.True(again.HasAuthCookie);
        Assert.DoesNotContain(second.Log.Lines, line => line.Contains("No console users exist yet", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WrongSetupTokenIsRefused()
    {
        await using var host = await AuthTestHost.StartAsync(new Dictionary<string, string?> { ["Auth:DataFolder"] = _folder.Path });
        await SetupLinkAsync(host);
        using var client = host.NewClient();

        using var response = await client.GetAsync("/setup?token=" + new string('0', 64));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("This setup link is not valid", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SetupRefusesAShortPasswordAndMismatchedConfirmation()
    {
        await using var host = await AuthTestHost.StartAsync(new Dictionary<string, string?> { ["Auth:DataFolder"] = _folder.Path });
        var link = await SetupLinkAsync(host);
        using var client = host.NewClient();

        using var tooShort = await client.PostFormAsync(link.PathAndQuery, "/setup", new Dictionary<string, string>
        {
            ["userName"] = "ada", ["password"] = "short", ["confirmPassword"] = "short",
        });
        using var mismatch = await client.PostFormAsync(link.PathAndQuery, "/setup", new Dictionary<string, string>
        {
            ["userName"] = "ada", ["password"] = "a-long-admin-password", ["confirmPassword"] = "another-long-password",
        });

        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Contains($"Use at least {ConsolePasswordHasher.MinimumPasswordLength} characters.", await tooShort.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, mismatch.StatusCode);
        Assert.Contains("The two passwords are not the same.", await mismatch.Content.ReadAsStringAsync());
        Assert.False(client.HasAuthCookie);
    }

    [Fact]
    public async Task NoSetupLinkWhenUsersAreConfigured()
    {
        await using var host = await AuthTestHost.StartAsync(AuthTestHost.SeededUsers(_folder.Path));
        using var client = host.NewClient();

        using var response = await client.GetAsync("/setup?token=anything");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(host.Services.GetRequiredService<FirstRunSetup>().IsPending);
        Assert.DoesNotContain(host.Log.Lines, line => line.Contains("No console users exist yet", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://[::]:5000", "http://localhost:5000")]
    [InlineData("http://0.0.0.0:8080", "http://localhost:8080")]
    [InlineData("http://+:80", "http://localhost")]
    [InlineData("http://127.0.0.1:5123", "http://127.0.0.1:5123")]
    public void WildcardListeningAddressBecomesALinkABrowserCanOpen(string listening, string expected) =>
        Assert.Equal(expected, FirstRunAnnouncer.Browsable(listening));

    private static async Task<Uri> SetupLinkAsync(AuthTestHost host)
    {
        var line = await host.Log.WaitForLineAsync("/setup?token=", LogWait);
        return new Uri(SetupLink().Match(line).Value);
    }

    [GeneratedRegex(@"http://\S+/setup\?token=\S+")]
    private static partial Regex SetupLink();
}
