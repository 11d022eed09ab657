using MailFromConsole.Web.Features.Account;
using MailFromConsole.Web.Features.Audit;
using MailFromConsole.Web.Infrastructure.Auth;
using MailFromConsole.Web.Tests.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.Web.Tests.Features.Account;

public sealed class UserAdministrationTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private ServiceProvider _services = null!;
    private System.Security.Claims.ClaimsPrincipal _ada = null!;

    public async Task InitializeAsync()
    {
        _services = new ServiceCollection().AddAppAuth(_folder.Path).BuildServiceProvider();
        await _services.GetRequiredService<LocalUserStore>().AddFirstAdminAsync("ada", ConsolePasswordHasher.Hash("ada-admin-password"));
        _ada = await _services.StoredPrincipalAsync("ada");
    }

    public Task DisposeAsync()
    {
        _services.Dispose();
        _folder.Dispose();
        return Task.CompletedTask;
    }

    private IUserAdministration AsAdmin(out IServiceScope scope)
    {
        scope = _services.CircuitOf(_ada);
        return scope.ServiceProvider.GetRequiredService<IUserAdministration>();
    }

    [Fact]
    public async Task AddedUserCanSignInWithTheRoleGivenAndTheAdditionIsAudited()
    {
        var users = AsAdmin(out var scope);
        using (scope)
        {
            var result = await users.AddAsync("olga", ConsoleRole.Operator, "olga-operator-password");

            Assert.True(result.Succeeded, result.Message);
        }
        var directory = _services.GetRequiredService<UserDirectory>();
        Assert.Equal(new ConsoleUser("olga", ConsoleRole.Operator, UserSource.Local), await directory.VerifyPasswordAsync("olga", "olga-operator-password"));
        var audit = await _services.GetRequiredService<IAuditLog>().QueryAsync(new AuditQuery { Action = AuditActions.CreateUser });
        var entry = Assert.Single(audit.Entries);
        Assert.Equal(("ada", "olga", "Operator"), (entry.User, entry.Identity, entry.After));
    }

    [Fact]
    public async Task OperatorCannotManageUsers()
    {
        using var scope = _services.CircuitOf("otto", ConsoleRole.Operator, UserSource.Configuration);
        var users = scope.ServiceProvider.GetRequiredService<IUserAdministration>();

        await Assert.ThrowsAsync<NotAuthorizedException>(() => users.AddAsync("mallory", ConsoleRole.Admin, "mallory-password"));
        await Assert.ThrowsAsync<NotAuthorizedException>(() => users.ListAsync());
        Assert.Null(await _services.GetRequiredService<UserDirectory>().FindAsync("mallory"));
    }

    [Fact]
    public async Task AnAdminDemotedWhileTheirPageIsOpenCanNoLongerChangeUsers()
    {
        var users = AsAdmin(out var scope);
        using (scope)
        {
            Assert.True((await users.AddAsync("bea", ConsoleRole.Viewer, "bea-viewer-password")).Succeeded);

            // Demoted behind this circuit's back (another instance): its claims still say Admin.
            await _services.GetRequiredService<LocalUserStore>().SetRoleAsync("ada", ConsoleRole.Viewer);

            await Assert.ThrowsAsync<NotAuthorizedException>(() => users.AddAsync("mallory", ConsoleRole.Admin, "mallory-password"));
            await Assert.ThrowsAsync<NotAuthorizedException>(() => users.SetRoleAsync("bea", ConsoleRole.Admin));
            await Assert.ThrowsAsync<NotAuthorizedException>(() => users.ResetPasswordAsync("bea", "bea-taken-over"));
            await Assert.ThrowsAsync<NotAuthorizedException>(() => users.DeleteAsync("bea"));
        }
        var directory = _services.GetRequiredService<UserDirectory>();
        Assert.Null(await directory.FindAsync("mallory"));
        Assert.Equal(ConsoleRole.Viewer, (await directory.FindAsync("bea"))!.Role);
        Assert.NotNull(await directory.VerifyPasswordAsync("bea", "bea-viewer-password"));
    }

    [Fact]
    public async Task ListShowsConfiguredAndConsoleUsers()
    {
        var users = AsAdmin(out var scope);
        using (scope)
        {
            var listed = await users.ListAsync();

            Assert.Equal(["ada", "otto", "vera"], listed.Select(u => u.Name));
            Assert.Equal([true, false, false], listed.Select(u => u.IsEditable));
        }
    }

    [Fact]
    public async Task ConfiguredUsersAreChangedInConfigurationNotHere()
    {
        var users = AsAdmin(out var scope);
        using (scope)
        {
            var result = await users.SetRoleAsync("vera", ConsoleRole.Admin);

            Assert.False(result.Succeeded);
            Assert.Contains("configured in Auth:Users", result.Message);
        }
    }

    [Fact]
    public async Task TheOnlyAdministratorCannotBeDemotedOrDeleted()
    {
        var users = AsAdmin(out var scope);
        using (scope)
        {
            Assert.False((await users.SetRoleAsync("ada", ConsoleRole.Viewer)).Succeeded);
            Assert.True((await users.AddAsync("bea", ConsoleRole.Viewer, "bea-viewer-password")).Succeeded);
            Assert.False((await users.DeleteAsync("ada")).Succeeded);
        }
        Assert.Equal(ConsoleRole.Admin, (await _services.GetRequiredService<UserDirectory>().FindAsync("ada"))!.Role);
    }

    [Fact]
    public async Task AdministratorCannotDeleteThemselves()
    {
        var users = AsAdmin(out var scope);
        using (scope)
        {
            await users.AddAsync("second", ConsoleRole.Admin, "second-admin-password");

            var result = await users.DeleteAsync("ada");

            Assert.Equal("You cannot delete yourself.", result.Message);
        }
    }

    [Fact]
    public async Task DeletedUserCanNoLongerSignIn()
    {
        var users = AsAdmin(out var scope);
        using (scope)
        {
            await users.AddAsync("bea", ConsoleRole.Viewer, "bea-viewer-password");

            Assert.True((await users.DeleteAsync("bea")).Succeeded);
        }
        Assert.Null(await _services.GetRequiredService<UserDirectory>().VerifyPasswordAsync("bea", "bea-viewer-password"));
    }

    [Fact]
    public async Task NewPasswordReplacesTheOldOne()
    {
        var users = AsAdmin(out var scope);
        using (scope)
        {
            await users.AddAsync("bea", ConsoleRole.Viewer, "bea-viewer-password");

            Assert.True((await users.ResetPasswordAsync("bea", "bea-new-password")).Succeeded);
            Assert.False((await users.ResetPasswordAsync("bea", "short")).Succeeded);
        }
        var directory = _services.GetRequiredService<UserDirectory>();
        Assert.Null(await directory.VerifyPasswordAsync("bea", "bea-viewer-password"));
        Assert.NotNull(await directory.VerifyPasswordAsync("bea", "bea-new-password"));
    }

    [Theory]
    [InlineData("", "Enter a user name.")]
    [InlineData("bad name", "Use only letters, digits, and . _ - @ in a user name.")]
    [InlineData("x'; DROP TABLE users; --", "Use only letters, digits, and . _ - @ in a user name.")]
    [InlineData("OTTO", "A user named 'OTTO' already exists.")]
    public async Task UnacceptableNamesAreRefusedWithAReason(string name, string message)
    {
        var users = AsAdmin(out var scope);
        using (scope)
        {
            var result = await users.AddAsync(name, ConsoleRole.Viewer, "a-good-password");

            Assert.Equal(UserChangeResult.Refused(message), result);
        }
    }
}
