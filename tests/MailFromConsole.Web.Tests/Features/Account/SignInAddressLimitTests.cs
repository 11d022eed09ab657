using MailFromConsole.Web.Tests.Infrastructure.Auth;
using MailFromConsole.Web.Tests.Infrastructure.Storage;

namespace MailFromConsole.Web.Tests.Features.Account;

public sealed class SignInAddressLimitTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task OneAddressTryingManyUserNamesIsSlowedDown()
    {
        var settings = AuthTestHost.SeededUsers(_folder.Path);
        settings["Auth:LoginAttemptsPerMinutePerAddress"] = "3";
        await using var host = await AuthTestHost.StartAsync(settings);
        using var client = host.NewClient();
        foreach (var name in new[] { "alice", "bob", "carol" })
        {
            using var wrong = await client.SignInAsync(name, "some-password");
            Assert.Equal(System.Net.HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var limited = await client.SignInAsync("otto", AuthTestHost.OperatorPassword);

        Assert.Equal(System.Net.HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("Too many sign-in attempts from your address", await limited.Content.ReadAsStringAsync());
        Assert.False(client.HasAuthCookie);
    }
}
