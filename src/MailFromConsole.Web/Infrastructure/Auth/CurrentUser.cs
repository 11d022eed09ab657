using System.Security.Claims;
using MailFromConsole.Web.Features.Account;
using Microsoft.AspNetCore.Components.Authorization;

namespace MailFromConsole.Web.Infrastructure.Auth;

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
