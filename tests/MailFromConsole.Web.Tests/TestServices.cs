using Bunit;
using Bunit.TestDoubles;
using MailFromConsole.Core.Diagnosis;
using MailFromConsole.Core.Route53;
using MailFromConsole.Core.Ses;
using MailFromConsole.Web.Features.Audit;
using MailFromConsole.Web.Infrastructure.Auth;
using MailFromConsole.Web.Infrastructure.Hosting;
using MailFromConsole.Web.Tests.Fakes;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;
using MudBlazor.Services;

namespace MailFromConsole.Web.Tests;

/// <summary>
/// The one setup of every test: MudBlazor, loose JS interop, the console services over the fake AWS, a signed-in user
/// (<see cref="TestUsers.DefaultRole"/> unless the test chooses another) read by the console's own guard, and the
/// real SQLite audit log in a temp folder.
/// </summary>
public static class TestServices
{
    public static IConfiguration Configuration() => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Aws:Regions:0"] = "us-east-1",
            ["Aws:Regions:1"] = "eu-west-1",
            ["Aws:DefaultRegion"] = "us-east-1",
            ["Console:ChangePollInterval"] = "00:00:00",
        })
        .Build();

    /// <summary>The account view's sweep with every identity due at every read, so one pass reads all of them.</summary>
    private static readonly Dictionary<string, string?> SweepEverything = new()
    {
        ["Console:View:Sweep:Watched"] = "00:00:00",
        ["Console:View:Sweep:Unsettled"] = "00:00:00",
        ["Console:View:Sweep:Settled"] = "00:00:00",
        ["Console:View:Sweep:DnsRecheck"] = "00:00:00",
    };

    /// <returns>The circuit's sign-in, for <see cref="TestUsers.SignInAs"/>.</returns>
    public static BunitAuthorizationContext AddTestServices(this BunitContext context, FakeAws aws, ConsoleRole role = TestUsers.DefaultRole)
    {
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        // bUnit's test auth is the circuit's AuthenticationStateProvider; the console's guard reads it as in the app.
        var authorization = context.AddAuthorization();
        authorization.SignInAs(role);
        context.Services.AddSingleton<AntiforgeryStateProvider, TestAntiforgery>();
        context.Services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.ShowTransitionDuration = 0;
            o.SnackbarConfiguration.HideTransitionDuration = 0;
        });
        context.Services.AddConsoleServiceTestEdge(aws);
        return authorization;
    }

    /// <summary>
    /// The console services as the app registers them, with the fake AWS as the edge and the console database in a
    /// temp folder. With <paramref name="instantSweep"/> the account view follows the fake SES at once
    /// (<see cref="InstantSweep"/>); without, a test drives the sweeper itself.
    /// </summary>
    public static IServiceCollection AddConsoleServiceTestEdge(this IServiceCollection services, FakeAws aws, bool instantSweep = true)
    {
        services.AddLogging();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<ISesClient>(aws.Ses);
        services.AddSingleton<IRoute53Client>(aws.Route53);
        services.AddSingleton<IRoute53Accounts>(aws.Route53Accounts);
        services.AddSingleton(aws.Diagnostics);
        services.AddSingleton(aws.DeliverabilityDns);
        services.AddConsoleServices(instantSweep ? new ConfigurationBuilder().AddConfiguration(Configuration()).AddInMemoryCollection(SweepEverything).Build() : Configuration());
        services.AddSingleton<TestDatabaseFolder>();
        services.AddSingleton(sp => sp.GetRequiredService<TestDatabaseFolder>().Options);
        if (instantSweep)
        {
            services.AddSingleton(sp => new InstantSweep(sp, aws));
            services.AddSingleton(sp => sp.GetRequiredService<InstantSweep>().View);
            services.AddSingleton(sp => sp.GetRequiredService<InstantSweep>().Sweeper);
        }
        return services.AddTestUserAndAuditLog();
    }

    /// <summary>What the app's AddConsoleAuth gives the console services: the current user, its guard, the audit trail.</summary>
    public static IServiceCollection AddTestUserAndAuditLog(this IServiceCollection services)
    {
        // Outside bUnit the signed-in user is a TestAuthenticationState; inside, bUnit's (registered first) wins.
        services.TryAddSingleton<TestAuthenticationState>();
        services.TryAddSingleton<AuthenticationStateProvider>(sp => sp.GetRequiredService<TestAuthenticationState>());
        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddScoped<IRoleGuard>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddSingleton<TestAuditLog>();
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<TestAuditLog>());
        services.AddScoped<IAuditTrail, AuditTrail>();
        return services;
    }

    /// <summary>The console services for a service test, run by a user with <paramref name="role"/> (see <see cref="SignInAs"/> to change).</summary>
    public static ServiceProvider BuildServiceProvider(FakeAws aws, ConsoleRole role = TestUsers.DefaultRole)
    {
        var provider = new ServiceCollection().AddConsoleServiceTestEdge(aws).BuildServiceProvider();
        provider.SignInAs(role);
        return provider;
    }

    /// <summary>Changes the user of a service test's provider (built by <see cref="BuildServiceProvider"/>).</summary>
    public static void SignInAs(this IServiceProvider services, ConsoleRole role, string? name = null) =>
        services.GetRequiredService<TestAuthenticationState>().SignInAs(role, name);

    /// <summary>The audit entries the services wrote, oldest first.</summary>
    public static Task<IReadOnlyList<AuditEntry>> AuditEntriesAsync(this IServiceProvider services) =>
        services.GetRequiredService<TestAuditLog>().EntriesAsync();

    /// <summary>Gives forms a token, as the app's antiforgery does for a page rendered in a request.</summary>
    private sealed class TestAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => new("test-antiforgery-token", "__RequestVerificationToken");
    }
}
