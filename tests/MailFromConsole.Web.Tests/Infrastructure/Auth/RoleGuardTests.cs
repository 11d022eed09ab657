using System.Security.Claims;
using MailFromConsole.Web.Features.Account;
using MailFromConsole.Web.Infrastructure.Auth;
using MailFromConsole.Web.Tests.Infrastructure.Storage;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.Web.Tests.Infrastructure.Auth;

/// <summary>The guard as a console service sees it inside a circuit: the scope's authentication state, not the UI.</summary>
public sealed class RoleGuardTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly ServiceProvider _services;

    public RoleGuardTests()
    {
        var services = new ServiceCollection().AddAppAuth(_folder.Path);
        // Short, so the revalidation test does not wait half a minute; the test waits for the change event, not a clock.
        services.Configure<ConsoleAuthOptions>(options => options.RevalidationInterval = TimeSpan.FromMilliseconds(50));
        _services = services.BuildServiceProvider();
    }

    public void Dispose()
    {
        _services.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void ViewerCircuitCannotMakeAnOperatorChange()
    {
        using var scope = CircuitFor(User("vera", ConsoleRole.Viewer));
        var guard = scope.ServiceProvider.GetRequiredService<IRoleGuard>();

        var refused = Assert.Throws<NotAuthorizedException>(() => guard.Require(ConsoleRole.Operator));

        Assert.Equal(ConsoleRole.Viewer, refused.Held);
        Assert.Equal(ConsoleRole.Operator, refused.Required);
        Assert.Equal("User 'vera' has the Viewer role. This action needs the Operator role; ask an administrator.", refused.Message);
    }

    [Fact]
    public void OperatorMayPublishButNotManageUsers()
    {
        using var scope = CircuitFor(User("otto", ConsoleRole.Operator));
        var guard = scope.ServiceProvider.GetRequiredService<IRoleGuard>();

        guard.Require(ConsoleRole.Viewer);
        guard.Require(ConsoleRole.Operator);
        Assert.Throws<NotAuthorizedException>(() => guard.Require(ConsoleRole.Admin));
    }

    [Fact]
    public void AnonymousCircuitIsToldToSignIn()
    {
        using var scope = CircuitFor(new ClaimsPrincipal(new ClaimsIdentity()));
        var guard = scope.ServiceProvider.GetRequiredService<IRoleGuard>();
        var user = scope.ServiceProvider.GetRequiredService<ICurrentUser>();

        var refused = Assert.Throws<NotAuthorizedException>(() => guard.Require(ConsoleRole.Viewer));

        Assert.StartsWith("You are not signed in.", refused.Message);
        Assert.Null(user.Name);
    }

    [Fact]
    public void SignedInUserWithoutAConsoleRoleIsRefused()
    {
        var noRole = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "stranger")], "test"));
        using var scope = CircuitFor(noRole);

        var refused = Assert.Throws<NotAuthorizedException>(() => scope.ServiceProvider.GetRequiredService<IRoleGuard>().Require(ConsoleRole.Viewer));

        Assert.Contains("has no console role", refused.Message);
    }

    [Fact]
    public async Task OpenCircuitLosesItsRightsWhenItsSignInIsSignedOutElsewhere()
    {
        var otto = User("otto", ConsoleRole.Operator);
        using var scope = CircuitFor(otto);
        var provider = scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        var changed = new TaskCompletionSource<AuthenticationState>(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.AuthenticationStateChanged += async state => changed.TrySetResult(await state);
        var guard = scope.ServiceProvider.GetRequiredService<IRoleGuard>();
        guard.Require(ConsoleRole.Operator);

        await _services.GetRequiredService<SignedOutSessions>().EndAsync(otto.FindFirst(ConsoleClaims.SessionId)!.Value, TimeSpan.FromHours(1));
        var after = await changed.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(after.User.Identity?.IsAuthenticated);
        Assert.Throws<NotAuthorizedException>(() => guard.Require(ConsoleRole.Viewer));
    }

    [Fact]
    public async Task OpenCircuitLosesItsRightsWhenItsRoleNoLongerMatches()
    {
        // "vera" is configured as a Viewer; a circuit claiming Operator for her is out of date and must fall back.
        using var scope = CircuitFor(User("vera", ConsoleRole.Operator));
        var provider = scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        var changed = new TaskCompletionSource<AuthenticationState>(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.AuthenticationStateChanged += async state => changed.TrySetResult(await state);

        var after = await changed.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(after.User.Identity?.IsAuthenticated);
    }

    private IServiceScope CircuitFor(ClaimsPrincipal user) => _services.CircuitOf(user);

    private static ClaimsPrincipal User(string name, ConsoleRole role) =>
        TestUsers.Principal(role, name, UserSource.Configuration);
}
