using System.Net;
using MailFromConsole.Web.Features.Account;
using MailFromConsole.Web.Infrastructure.Auth;
using MailFromConsole.Web.Tests.Infrastructure.Auth;
using MailFromConsole.Web.Tests.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.Web.Tests.Features.Account;

/// <summary>
/// Sign-ins live in the console's database, on both providers: a sign-out outlives a restart and holds on every
/// instance, a cookie made by one instance works on another, and a change of a user's rights ends their sign-ins.
/// </summary>
public abstract class SharedSessionTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>, IDisposable where TFixture : StorageFixture
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private async Task<Dictionary<string, string?>> SettingsAsync()
    {
        var settings = AuthTestHost.SeededUsers(_folder.Path);
        foreach (var (key, value) in await fixture.NewDatabaseSettingsAsync()) settings[key] = value;
        return settings;
    }

    private static AuthTestHost.Client CopyOf(AuthTestHost.Client signedIn, AuthTestHost on)
    {
        var copy = on.NewClient();
        foreach (Cookie cookie in signedIn.Cookies.GetAllCookies()) copy.Cookies.Add(cookie);
        return copy;
    }

    [Fact]
    public async Task ASignedOutCookieStaysRefusedAfterARestartWhileAnotherSignInGoesOn()
    {
        var settings = await SettingsAsync();
        var before = await AuthTestHost.StartAsync(settings);
        using var signedOut = before.NewClient();
        using var kept = before.NewClient();
        (await signedOut.SignInAsync("otto", AuthTestHost.OperatorPassword)).Dispose();
        (await kept.SignInAsync("otto", AuthTestHost.OperatorPassword)).Dispose();
        var stolen = signedOut.Cookies.GetAllCookies();
        (await signedOut.PostFormAsync("/account/logout", "/account/logout", new Dictionary<string, string>())).Dispose();
        await before.DisposeAsync();

        await using var after = await AuthTestHost.StartAsync(settings);
        using var withStolen = after.NewClient();
        foreach (Cookie cookie in stolen) withStolen.Cookies.Add(cookie);
        using var keptAfter = CopyOf(kept, after);

        using var refused = await withStolen.GetAsync("/identities");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        using var served = await keptAfter.GetAsync("/identities");
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
    }

    [Fact]
    public async Task ACookieFromOneInstanceWorksOnTheOtherUntilItIsSignedOutOnEither()
    {
        var settings = await SettingsAsync();
        await using var a = await AuthTestHost.StartAsync(settings);
        await using var b = await AuthTestHost.StartAsync(settings);
        using var onA = a.NewClient();
        (await onA.SignInAsync("vera", AuthTestHost.ViewerPassword)).Dispose();
        using var onB = CopyOf(onA, b);

        using var servedByB = await onB.GetAsync("/identities");
        Assert.Equal(HttpStatusCode.OK, servedByB.StatusCode);

        (await onA.PostFormAsync("/account/logout", "/account/logout", new Dictionary<string, string>())).Dispose();
        using var refusedByB = await onB.GetAsync("/identities");
        Assert.Equal(HttpStatusCode.Redirect, refusedByB.StatusCode);
    }

    [Fact]
    public async Task ChangingAUsersRoleOrDeletingThemEndsTheirSignIns()
    {
        await using var host = await AuthTestHost.StartAsync(await SettingsAsync());
        var store = host.Services.GetRequiredService<LocalUserStore>();
        await store.AddAsync("olga", ConsoleRole.Operator, ConsolePasswordHasher.Hash("olga-operator-password"), "test");
        await store.AddAsync("dora", ConsoleRole.Operator, ConsolePasswordHasher.Hash("dora-operator-password"), "test");
        using var olga = host.NewClient();
        using var dora = host.NewClient();
        (await olga.SignInAsync("olga", "olga-operator-password")).Dispose();
        (await dora.SignInAsync("dora", "dora-operator-password")).Dispose();
        using var olgaServed = await olga.GetAsync("/publish");
        Assert.Equal(HttpStatusCode.OK, olgaServed.StatusCode);

        await store.SetRoleAsync("olga", ConsoleRole.Viewer);
        await store.DeleteAsync("dora");

        using var olgaAfter = await olga.GetAsync("/identities");
        Assert.Equal(HttpStatusCode.Redirect, olgaAfter.StatusCode);
        using var doraAfter = await dora.GetAsync("/identities");
        Assert.Equal(HttpStatusCode.Redirect, doraAfter.StatusCode);
    }
}
