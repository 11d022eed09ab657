using System.Net;
using MailFromConsole.Web.Infrastructure.Auth;
using MailFromConsole.Web.Tests.Infrastructure.Auth;
namespace MailFromConsole.Web.Tests.Features.Account;

public sealed class SignInTests : SeededAuthHostTest
{
    [Fact]
    public async Task AnonymousVisitorIsSentToTheSignInPage()
    {
        using var client = Host.NewClient();

        using var response = await client.GetAsync("/identities");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login", response.Headers.Location!.AbsolutePath);
        Assert.Contains("ReturnUrl=%2Fidentities", response.Headers.Location.Query);
    }

    [Fact]
    public async Task SignInPageIsAPlainFormWithLabelledFields()
    {
        using var client = Host.NewClient();

        using var response = await client.GetAsync("/account/login");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<form method=\"post\" action=\"/account/login\">", html);
        Assert.Contains("<label for=\"userName\">User name</label>", html);
        Assert.Contains("<label for=\"password\">Password</label>", html);
        Assert.Contains(">Sign in</button>", html);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public async Task WrongPasswordIsRefusedWithoutACookie()
    {
        using var client = Host.NewClient();

        using var response = await client.SignInAsync("otto", "not-the-password");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("The user name or password is not correct.", html);
        Assert.False(client.HasAuthCookie);
        using var after = await client.GetAsync("/identities");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
    }

    [Fact]
    public async Task UnknownUserGetsTheSameAnswerAsAWrongPassword()
    {
        using var client = Host.NewClient();

        using var response = await client.SignInAsync("nobody", "whatever-password");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("The user name or password is not correct.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RightPasswordSignsInAndReturnsToTheRequestedPage()
    {
        using var client = Host.NewClient();

        using var response = await client.SignInAsync("otto", AuthTestHost.OperatorPassword, "/identities");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/identities", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("MailFromConsole.Auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        using var page = await client.GetAsync("/identities");
        Assert.Equal("Identities for otto", await page.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UserNameIsMatchedWithoutRegardToCase()
    {
        using var client = Host.NewClient();

        using var response = await client.SignInAsync("OTTO", AuthTestHost.OperatorPassword);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(client.HasAuthCookie);
    }

    [Fact]
    public async Task ViewerIsRefusedAnOperatorPage()
    {
        using var client = Host.NewClient();
        using var signIn = await client.SignInAsync("vera", AuthTestHost.ViewerPassword);

        using var response = await client.GetAsync("/publish");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/denied", response.Headers.Location!.AbsolutePath);
        using var denied = await client.GetAsync(response.Headers.Location.PathAndQuery);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Contains("vera has the Viewer role", await denied.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OperatorReachesAnOperatorPage()
    {
        using var client = Host.NewClient();
        using var signIn = await client.SignInAsync("otto", AuthTestHost.OperatorPassword);

        using var response = await client.GetAsync("/publish");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ViewerCannotChangeAnythingEvenThroughAnUnprotectedEndpoint()
    {
        using var viewer = Host.NewClient();
        using var operatorClient = Host.NewClient();
        using var viewerSignIn = await viewer.SignInAsync("vera", AuthTestHost.ViewerPassword);
        using var operatorSignIn = await operatorClient.SignInAsync("otto", AuthTestHost.OperatorPassword);

        using var refused = await viewer.GetAsync("/change");
        using var allowed = await operatorClient.GetAsync("/change");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("User 'vera' has the Viewer role. This action needs the Operator role; ask an administrator.", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task SignInWithoutTheAntiforgeryFieldIsRejected()
    {
        using var client = Host.NewClient();
        using var page = await client.GetAsync("/account/login");

        using var response = await client.PostRawAsync("/account/login",
            new Dictionary<string, string> { ["userName"] = "otto", ["password"] = AuthTestHost.OperatorPassword });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(client.HasAuthCookie);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("javascript:alert(1)")]
    public async Task ReturnAddressOutsideTheConsoleIsIgnored(string returnUrl)
    {
        using var client = Host.NewClient();

        using var response = await client.PostFormAsync("/account/login", "/account/login", new Dictionary<string, string>
        {
            ["userName"] = "otto",
            ["password"] = AuthTestHost.OperatorPassword,
            ["returnUrl"] = returnUrl,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignOutEndsTheSessionAlsoForACopyOfTheCookie()
    {
        using var client = Host.NewClient();
        using var signIn = await client.SignInAsync("otto", AuthTestHost.OperatorPassword);
        var stolen = Host.NewClient();
        foreach (System.Net.Cookie cookie in client.Cookies.GetAllCookies())
        {
            stolen.Cookies.Add(cookie);
        }

        using var signOut = await client.PostFormAsync("/account/logout", "/account/logout", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal("/account/login?signedOut=true", signOut.Headers.Location!.OriginalString);
        using var afterSignOut = await client.GetAsync("/identities");
        Assert.Equal(HttpStatusCode.Redirect, afterSignOut.StatusCode);
        using var withCopy = await stolen.GetAsync("/identities");
        Assert.Equal(HttpStatusCode.Redirect, withCopy.StatusCode);
        stolen.Dispose();
    }

    [Fact]
    public async Task SignOutWithoutTheAntiforgeryFieldIsRefused()
    {
        using var client = Host.NewClient();
        using var signIn = await client.SignInAsync("otto", AuthTestHost.OperatorPassword);

        using var response = await client.PostRawAsync("/account/logout", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var stillIn = await client.GetAsync("/identities");
        Assert.Equal(HttpStatusCode.OK, stillIn.StatusCode);
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/identities")]
    public async Task EveryResponseCarriesTheSecurityHeaders(string path)
    {
        using var client = Host.NewClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", SecurityHeaders.ContentSecurityPolicy);
        Assert.Contains("connect-src 'self' ws: wss:", SecurityHeaders.ContentSecurityPolicy);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }
}
