using MailFromConsole.Web.Tests.Infrastructure.Auth;
using MailFromConsole.Web.Tests.Infrastructure.Storage;

namespace MailFromConsole.Web.Tests.Features.Account;

public sealed class OidcSignInOptionTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task SignInPageOffersTheIdentityProviderOnlyWhenConfigured()
    {
        var settings = AuthTestHost.SeededUsers(_folder.Path);
        settings["Auth:Oidc:Authority"] = "https://login.corp.example/";
        settings["Auth:Oidc:ClientId"] = "mailfrom-console";
        settings["Auth:Oidc:DisplayName"] = "Corp SSO";
        await using (var withOidc = await AuthTestHost.StartAsync(settings))
        {
            using var client = withOidc.NewClient();
            using var page = await client.GetAsync("/account/login?returnUrl=%2Fidentities");
            Assert.Contains("<a class=\"button secondary\" href=\"/account/login/oidc?returnUrl=%2Fidentities\">Sign in with Corp SSO</a>",
                await page.Content.ReadAsStringAsync());
        }

        await using var without = await AuthTestHost.StartAsync(AuthTestHost.SeededUsers(_folder.Path));
        using var plainClient = without.NewClient();
        using var plain = await plainClient.GetAsync("/account/login");
        Assert.DoesNotContain("/account/login/oidc", await plain.Content.ReadAsStringAsync());
        using var route = await plainClient.GetAsync("/account/login/oidc");
        Assert.NotEqual(System.Net.HttpStatusCode.OK, route.StatusCode);
    }
}
