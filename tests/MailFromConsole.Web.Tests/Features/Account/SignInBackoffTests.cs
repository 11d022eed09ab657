using System.Net;
using MailFromConsole.Web.Tests.Infrastructure.Auth;
using MailFromConsole.Web.Tests.Infrastructure.Storage;
using Microsoft.Extensions.Time.Testing;

namespace MailFromConsole.Web.Tests.Features.Account;

/// <summary>Wrong passwords slow the guesser down (a doubling wait per name and address) but never lock the owner out.</summary>
public sealed class SignInBackoffTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));
    private AuthTestHost _host = null!;

    public async Task InitializeAsync()
    {
        var settings = AuthTestHost.SeededUsers(_folder.Path);
        // Room for every test here, but fewer than the setup posts below, which must not use it up.
        settings["Auth:LoginAttemptsPerMinutePerAddress"] = "25";
        settings["Auth:SetupAttemptsPerMinutePerAddress"] = "3";
        _host = await AuthTestHost.StartAsync(settings, _time);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task AfterFiveWrongPasswordsTheRightOneWorksOnceTheShortWaitIsOver()
    {
        using var client = _host.NewClient();
        await FailAsync(client, 5);

        using var tooSoon = await client.SignInAsync("otto", AuthTestHost.OperatorPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, tooSoon.StatusCode);
        Assert.Contains("Wait 1 second, then try again.", await tooSoon.Content.ReadAsStringAsync());
        Assert.False(client.HasAuthCookie);

        _time.Advance(TimeSpan.FromSeconds(1));
        using var signedIn = await client.SignInAsync("otto", AuthTestHost.OperatorPassword);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.True(client.HasAuthCookie);
    }

    [Fact]
    public async Task EachFurtherWrongPasswordDoublesTheWaitUpToTheCap()
    {
        using var client = _host.NewClient();
        await FailAsync(client, 5);
        var waits = new List<string>();
        for (var round = 0; round < 7; round++)
        {
            using var refused = await client.SignInAsync("otto", "guess-again");
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            waits.Add(System.Text.RegularExpressions.Regex.Match(html, @"Wait (\d+) second").Groups[1].Value);
            _time.Advance(TimeSpan.FromSeconds(int.Parse(waits[^1], System.Globalization.CultureInfo.InvariantCulture)));
            using var wrong = await client.SignInAsync("otto", "guess-again");
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        Assert.Equal(["1", "2", "4", "8", "16", "30", "30"], waits);
    }

    [Fact]
    public async Task TheRightPasswordFromAnotherAddressWorksWhileTheGuesserWaits()
    {
        using var guesser = _host.NewClient();
        await FailAsync(guesser, 5);

        using var owner = _host.NewClientFrom(IPAddress.Parse("127.0.0.2"));
        using var signedIn = await owner.SignInAsync("otto", AuthTestHost.OperatorPassword);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.True(owner.HasAuthCookie);
        using var stillWaiting = await guesser.SignInAsync("otto", AuthTestHost.OperatorPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, stillWaiting.StatusCode);
    }

    [Fact]
    public async Task WrongSetupTokensHaveTheirOwnLimitAndNeverBlockSignIn()
    {
        using var client = _host.NewClient();
        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 30; attempt++)
        {
            using var wrong = await client.PostFormAsync("/account/login", "/setup", new Dictionary<string, string>
            {
                ["token"] = "wrong-token-" + attempt, ["userName"] = "mallory", ["password"] = "a-long-password", ["confirmPassword"] = "a-long-password",
            });
            statuses.Add(wrong.StatusCode);
        }
        Assert.True(statuses[^1] == HttpStatusCode.TooManyRequests, string.Join(',', statuses));

        using var signedIn = await client.SignInAsync("vera", AuthTestHost.ViewerPassword);

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    private static async Task FailAsync(AuthTestHost.Client client, int times)
    {
        for (var attempt = 1; attempt <= times; attempt++)
        {
            using var wrong = await client.SignInAsync("otto", "guess-" + attempt);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }
    }
}
