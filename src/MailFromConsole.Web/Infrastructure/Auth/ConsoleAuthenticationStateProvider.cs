using MailFromConsole.Web.Features.Account;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace MailFromConsole.Web.Infrastructure.Auth;

/// <summary>
/// Re-checks an open circuit's user periodically: a user who signed out, was deleted, or changed role loses the
/// circuit's rights within <see cref="ConsoleAuthOptions.RevalidationInterval"/>, without reloading the page.
/// </summary>
internal sealed class ConsoleAuthenticationStateProvider(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopes,
    IOptions<ConsoleAuthOptions> options) : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => options.Value.RevalidationInterval;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var validator = scope.ServiceProvider.GetRequiredService<SignInValidator>();
        return await validator.IsStillValidAsync(authenticationState.User, cancellationToken);
    }
}
