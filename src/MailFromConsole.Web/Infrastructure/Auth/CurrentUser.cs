using System.Security.Claims;
using MailFromConsole.Web.Features.Account;
using Microsoft.AspNetCore.Components.Authorization;

namespace MailFromConsole.Web.Infrastructure.Auth;

/// <summary>The user of the current circuit or request, as the server knows it (not as the browser claims).</summary>
public interface ICurrentUser
{
    /// <summary>The signed-in user's name, or null when nobody is signed in.</summary>
    string? Name { get; }

    /// <summary>The user's console role, or null when not signed in or without a role.</summary>
    ConsoleRole? Role { get; }

    bool Has(ConsoleRole minimum);
}

/// <summary>Server-side check that application services call before every change.</summary>
public interface IRoleGuard
{
    /// <summary>Throws <see cref="NotAuthorizedException"/> unless the current user holds at least <paramref name="minimum"/>.</summary>
    void Require(ConsoleRole minimum);

    /// <summary>
    /// Like <see cref="Require"/>, by the user's record as stored now rather than the circuit's claims: a user signed
    /// out in another tab, deleted or demoted a moment ago is refused at once. Every change checks this.
    /// </summary>
    Task RequireNowAsync(ConsoleRole minimum, CancellationToken cancellationToken = default);
}

/// <summary>
/// Reads the scope's <see cref="AuthenticationStateProvider"/>: in a Blazor circuit that is the circuit's user (kept
/// current by revalidation), in an HTTP request the request's user (set by the console's auth middleware).
/// </summary>
internal sealed class CurrentUser(AuthenticationStateProvider provider, SignInValidator validator) : ICurrentUser, IRoleGuard
{
    public string? Name => SignedIn()?.Identity?.Name;

    public ConsoleRole? Role => ConsoleRoles.Of(SignedIn());

    public bool Has(ConsoleRole minimum) => Role is { } held && held.Allows(minimum);

    public void Require(ConsoleRole minimum)
    {
        var user = SignedIn();
        var held = ConsoleRoles.Of(user);
        if (held is null || !held.Value.Allows(minimum))
        {
            throw new NotAuthorizedException(user?.Identity?.Name, held, minimum);
        }
    }

    public async Task RequireNowAsync(ConsoleRole minimum, CancellationToken cancellationToken = default)
    {
        Require(minimum);
        var user = SignedIn()!;
        var now = await validator.RoleNowAsync(user, cancellationToken);
        if (now is null || !now.Value.Allows(minimum))
        {
            throw new NotAuthorizedException(user.Identity?.Name, now, minimum, signInEnded: now is null);
        }
    }

    private ClaimsPrincipal? SignedIn()
    {
        var state = provider.GetAuthenticationStateAsync();
        // The server-side providers hold a completed task; an unfinished one means the user is not known yet,
        // and waiting for it synchronously could deadlock the circuit, so treat that as not signed in (fail closed).
        if (!state.IsCompletedSuccessfully)
        {
            return null;
        }
        var user = state.Result.User;
        return user.Identity?.IsAuthenticated == true ? user : null;
    }
}
