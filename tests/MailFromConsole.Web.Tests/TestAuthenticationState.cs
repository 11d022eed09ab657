using MailFromConsole.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Components.Authorization;

namespace MailFromConsole.Web.Tests;

/// <summary>The signed-in user of a service test (outside bUnit), changeable between calls.</summary>
public sealed class TestAuthenticationState : AuthenticationStateProvider
{
    private Task<AuthenticationState> _state = Task.FromResult(new AuthenticationState(TestUsers.Principal(TestUsers.DefaultRole)));

    public override Task<AuthenticationState> GetAuthenticationStateAsync() => _state;

    public void SignInAs(ConsoleRole role, string? name = null)
    {
        _state = Task.FromResult(new AuthenticationState(TestUsers.Principal(role, name)));
        NotifyAuthenticationStateChanged(_state);
    }
}
