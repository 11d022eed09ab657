using System.Security.Claims;
using MailFromConsole.Web.Features.Account;
using MailFromConsole.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.Web.Tests.Infrastructure.Auth;

/// <summary>The console's auth services as AddConsoleAuth registers them, with scopes that stand for a user's circuit.</summary>
public sealed class ConsoleServices : IDisposable
{
    public ConsoleServices(string dataFolder)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(AuthTestHost.SeededUsers(dataFolder)).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddConsoleAuth(configuration);
        Provider = services.BuildServiceProvider();
    }

    public ServiceProvider Provider { get; }

    public IServiceScope CircuitOf(string name, ConsoleRole role, UserSource source = UserSource.Local)
    {
        var scope = Provider.CreateScope();
        scope.ServiceProvider.GetRequiredService<IHostEnvironmentAuthenticationStateProvider>()
            .SetAuthenticationState(Task.FromResult(new AuthenticationState(Principal(name, role, source))));
        return scope;
    }

    public static ClaimsPrincipal Principal(string name, ConsoleRole role, UserSource source = UserSource.Local) =>
        ConsoleClaims.Principal(new ConsoleUser(name, role, source), "test");

    public void Dispose() => Provider.Dispose();
}
