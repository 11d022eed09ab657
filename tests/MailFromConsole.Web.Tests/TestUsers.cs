using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using MailFromConsole.Web.Features.Account;
using MailFromConsole.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.Web.Tests;

/// <summary>Who a test's circuit belongs to: the default user is an Admin, so tests that are not about roles may change anything.</summary>
public static class TestUsers
{
    public const string DefaultName = "ada";
    public const ConsoleRole DefaultRole = ConsoleRole.Admin;

    /// <summary>A typical user name per role, as the audit log will show it.</summary>
    public static string NameOf(ConsoleRole role) => role switch
    {
        ConsoleRole.Viewer => "vera",
        ConsoleRole.Operator => "otto",
        _ => DefaultName,
    };

    /// <summary>ada (Admin), otto (Operator) and vera (Viewer) as configured users, so the guard finds their records.</summary>
    public static IEnumerable<ConfiguredUser> Configured => Enum.GetValues<ConsoleRole>().Select(role =>
        new ConfiguredUser { Name = NameOf(role), Role = role.ToString(), PasswordHash = UnusedPasswordHash.Value });

    private static readonly Lazy<string> UnusedPasswordHash = new(() => ConsolePasswordHasher.Hash("test-users-do-not-sign-in"));

    public static ClaimsPrincipal Principal(ConsoleRole role, string? name = null, UserSource source = UserSource.Local) =>
        ConsoleClaims.Principal(new ConsoleUser(name ?? NameOf(role), role, source), "test");

    /// <summary>A scope that stands for <paramref name="user"/>'s circuit under the app's own auth (<see cref="TestServices.AddAppAuth"/>).</summary>
    public static IServiceScope CircuitOf(this IServiceProvider services, ClaimsPrincipal user)
    {
        var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<IHostEnvironmentAuthenticationStateProvider>()
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(user)));
        return scope;
    }

    /// <inheritdoc cref="CircuitOf(IServiceProvider, ClaimsPrincipal)"/>
    public static IServiceScope CircuitOf(this IServiceProvider services, string name, ConsoleRole role, UserSource source = UserSource.Local) =>
        services.CircuitOf(Principal(role, name, source));

    /// <summary>
    /// A user of the console's own store signed in as their cookie would have it (with their current security stamp),
    /// so checks against the stored record (<see cref="IRoleGuard.RequireNowAsync"/>) pass until the record changes.
    /// </summary>
    public static async Task<ClaimsPrincipal> StoredPrincipalAsync(this IServiceProvider services, string name)
    {
        var stored = await services.GetRequiredService<LocalUserStore>().FindAsync(name)
            ?? throw new InvalidOperationException($"The test stored no user named {name}.");
        return ConsoleClaims.Principal(new ConsoleUser(stored.Name, stored.Role, UserSource.Local), "Cookies", stored.SecurityStamp);
    }

    /// <summary>Signs the bUnit circuit in: the role claim for the console's guard, the role's policies for AuthorizeView.</summary>
    public static void SignInAs(this BunitAuthorizationContext authorization, ConsoleRole role, string? name = null)
    {
        authorization.SetAuthorized(name ?? NameOf(role));
        authorization.SetRoles(role.ToString());
        authorization.SetPolicies(Enum.GetValues<ConsoleRole>().Where(minimum => role.Allows(minimum)).Select(ConsolePolicies.For).ToArray());
    }
}
