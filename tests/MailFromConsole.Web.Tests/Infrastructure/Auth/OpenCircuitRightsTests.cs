using MailFromConsole.Web.Features.Account;
using MailFromConsole.Web.Infrastructure.Auth;
using MailFromConsole.Web.Tests.Infrastructure.Storage;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.Web.Tests.Infrastructure.Auth;

/// <summary>
/// #16 item 2 with the console's auth as AddConsoleAuth wires it (real SQLite user store, the change notifications):
/// an Admin's demotion or deletion of a user ends that user's open circuits at once, and their next change is refused
/// by their stored record, whatever the circuit's claims still say.
/// </summary>
public sealed class OpenCircuitRightsTests : IAsyncLifetime
{
    private static readonly TimeSpan AtOnce = TimeSpan.FromSeconds(2);
    private static readonly Lazy<string> Hash = new(() => ConsolePasswordHasher.Hash("olga-operator-password"));
    private readonly TempFolder folder = new();
    private readonly List<IServiceScope> circuits = [];
    private ServiceProvider services = null!;

    private LocalUserStore Store => services.GetRequiredService<LocalUserStore>();

    public async Task InitializeAsync()
    {
        services = new ServiceCollection().AddAppAuth(folder.Path).BuildServiceProvider();
        await Store.AddFirstAdminAsync("ada", Hash.Value);
        await Store.AddAsync("olga", ConsoleRole.Operator, Hash.Value, "ada");
    }

    public Task DisposeAsync()
    {
        circuits.ForEach(c => c.Dispose());
        services.Dispose();
        folder.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A circuit of a stored user, signed in as the cookie would have it (with the user's security stamp).</summary>
    private async Task<IServiceScope> CircuitOfStoredAsync(string name)
    {
        var scope = services.CircuitOf(await services.StoredPrincipalAsync(name));
        circuits.Add(scope);
        return scope;
    }

    private static Task<AuthenticationState> NextStateOf(IServiceScope circuit)
    {
        var changed = new TaskCompletionSource<AuthenticationState>(TaskCreationOptions.RunContinuationsAsynchronously);
        circuit.ServiceProvider.GetRequiredService<AuthenticationStateProvider>().AuthenticationStateChanged += state => _ = state.ContinueWith(t => changed.TrySetResult(t.Result), TaskScheduler.Default);
        return changed.Task;
    }

    private async Task<IUserAdministration> AdminAsync() => (await CircuitOfStoredAsync("ada")).ServiceProvider.GetRequiredService<IUserAdministration>();

    [Fact]
    public async Task DemotingAnOperatorSignsTheirOpenCircuitOutAtOnceAndRefusesTheirNextChange()
    {
        var olga = await CircuitOfStoredAsync("olga");
        var signedOut = NextStateOf(olga);
        var admin = await AdminAsync();

        Assert.True((await admin.SetRoleAsync("olga", ConsoleRole.Viewer)).Succeeded);

        var state = await signedOut.WaitAsync(AtOnce);
        Assert.False(state.User.Identity?.IsAuthenticated);
        await Assert.ThrowsAsync<NotAuthorizedException>(() => olga.ServiceProvider.GetRequiredService<IRoleGuard>().RequireNowAsync(ConsoleRole.Operator));
    }

    [Fact]
    public async Task DeletingAUserSignsTheirOpenCircuitOutAtOnce()
    {
        var olga = await CircuitOfStoredAsync("olga");
        var signedOut = NextStateOf(olga);

        Assert.True((await (await AdminAsync()).DeleteAsync("olga")).Succeeded);

        Assert.False((await signedOut.WaitAsync(AtOnce)).User.Identity?.IsAuthenticated);
    }

    [Fact]
    public async Task AChangeIsCheckedAgainstTheStoredRecordNotTheCircuitsClaims()
    {
        var olga = await CircuitOfStoredAsync("olga");
        var guard = olga.ServiceProvider.GetRequiredService<IRoleGuard>();
        await guard.RequireNowAsync(ConsoleRole.Operator);

        // Demoted behind the console's back (another instance, no message): the claims still say Operator.
        await Store.SetRoleAsync("olga", ConsoleRole.Viewer);

        guard.Require(ConsoleRole.Operator);
        var refused = await Assert.ThrowsAsync<NotAuthorizedException>(() => guard.RequireNowAsync(ConsoleRole.Operator));
        Assert.Contains("has ended", refused.Message);
    }

    [Fact]
    public async Task AnotherUsersCircuitStaysSignedIn()
    {
        var ada = await CircuitOfStoredAsync("ada");
        var adaChanged = NextStateOf(ada);
        var olga = await CircuitOfStoredAsync("olga");
        var olgaSignedOut = NextStateOf(olga);

        Assert.True((await (await AdminAsync()).SetRoleAsync("olga", ConsoleRole.Viewer)).Succeeded);

        await olgaSignedOut.WaitAsync(AtOnce);
        Assert.False(adaChanged.IsCompleted);
        await ada.ServiceProvider.GetRequiredService<IRoleGuard>().RequireNowAsync(ConsoleRole.Admin);
    }
}
