using System.Security.Claims;
using MailFromConsole.Web.Features.Account;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace MailFromConsole.Web.Infrastructure.Auth;

/// <summary>
/// Re-checks an open circuit's user: at once when <see cref="UserChanges"/> names them (signed out in another tab,
/// deleted, demoted, on any instance), and every <see cref="ConsoleAuthOptions.RevalidationInterval"/> in case such a
/// message was lost. A sign-in that no longer stands leaves the circuit signed out, without reloading the page.
/// </summary>
internal sealed class ConsoleAuthenticationStateProvider : RevalidatingServerAuthenticationStateProvider
{
    private static readonly AuthenticationState SignedOut = new(new ClaimsPrincipal(new ClaimsIdentity()));

    private readonly IServiceScopeFactory _scopes;
    private readonly IOptions<ConsoleAuthOptions> _options;
    private readonly ILogger _logger;
    private readonly IDisposable _subscription;

    public ConsoleAuthenticationStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopes, IOptions<ConsoleAuthOptions> options, UserChanges changes)
        : base(loggerFactory)
    {
        _scopes = scopes;
        _options = options;
        _logger = loggerFactory.CreateLogger<ConsoleAuthenticationStateProvider>();
        _subscription = changes.Subscribe(name => _ = RevalidateAsync(name));
    }

    protected override TimeSpan RevalidationInterval => _options.Value.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var validator = scope.ServiceProvider.GetRequiredService<SignInValidator>();
        return await validator.IsStillValidAsync(authenticationState.User, cancellationToken);
    }

    private async Task RevalidateAsync(string changedUser)
    {
        AuthenticationState state;
        try
        {
            state = await GetAuthenticationStateAsync();
        }
        catch (InvalidOperationException)
        {
            // This scope has no user yet (a request before authentication ran): nothing to end.
            return;
        }
        if (state.User.Identity?.IsAuthenticated != true || !string.Equals(state.User.Identity.Name, changedUser, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }
        try
        {
            if (await ValidateAuthenticationStateAsync(state, CancellationToken.None))
            {
                return;
            }
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or Microsoft.EntityFrameworkCore.DbUpdateException or TimeoutException)
        {
            // The store cannot say: the periodic revalidation decides later.
            _logger.LogWarning(ex, "Could not re-check the sign-in of {User} after a change of their rights", changedUser);
            return;
        }
        _logger.LogInformation("The sign-in of {User} no longer stands: their open page is signed out", state.User.Identity.Name);
        SetAuthenticationState(Task.FromResult(SignedOut));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _subscription.Dispose();
        }
        base.Dispose(disposing);
    }
}
