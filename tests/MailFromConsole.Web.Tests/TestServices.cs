using MailFromConsole.Core.Diagnosis;
using MailFromConsole.Core.Route53;
using MailFromConsole.Core.Ses;
using MailFromConsole.Core.Sts;
using MailFromConsole.Web.Features.Account;
using MailFromConsole.Web.Features.Audit;
using MailFromConsole.Web.Infrastructure.Auth;
using MailFromConsole.Web.Infrastructure.Hosting;
using MailFromConsole.Web.Tests.Fakes;
using MailFromConsole.Web.Tests.Infrastructure.Auth;
using MailFromConsole.Web.Tests.Infrastructure.Storage;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MailFromConsole.Web.Tests;

/// <summary>
/// The one registration of the console services for tests (<see cref="ConsoleTestContext"/> and the test hosts): the
/// app's own services over the fake AWS, a signed-in user (<see cref="TestUsers.DefaultRole"/> unless the test chooses
/// another) read by the console's own guard, and the real SQLite audit log in a temp folder.
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

    /// <summary>
    /// The console services as the app registers them, with the fake AWS as the edge and the console database in a
    /// temp folder. With <paramref name="instantSweep"/> the account view follows the fake SES at once
    /// (<see cref="InstantSweep"/>); without, a test drives the sweeper itself.
    /// </summary>
    public static IServiceCollection AddTestServices(this IServiceCollection services, FakeAws aws, bool instantSweep = true)
    {
        services.AddLogging();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton<ISesClient>(aws.Ses);
        services.AddSingleton<IRoute53Client>(aws.Route53);
        services.AddSingleton<IRoute53Accounts>(aws.Route53Accounts);
        services.AddSingleton<IStsClient>(aws.Sts);
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
        // The guard checks each change against the user's stored record: the test users are configured users.
        services.Configure<ConsoleAuthOptions>(options =>
        {
            foreach (var user in TestUsers.Configured.Where(u => !options.Users.Any(c => string.Equals(c.Name, u.Name, StringComparison.OrdinalIgnoreCase))))
                options.Users.Add(user);
        });
        services.TryAddSingleton<LocalUserStore>();
        services.TryAddSingleton<UserDirectory>();
        services.TryAddSingleton<SignedOutSessions>();
        services.TryAddScoped<SignInValidator>();
        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddScoped<IRoleGuard>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddSingleton<TestAuditLog>();
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<TestAuditLog>());
        services.AddScoped<IAuditTrail, AuditTrail>();
        return services;
    }

    /// <summary>
    /// The app's own auth (AddConsoleAuth: users, sessions, guard, audit log) over the seeded users of
    /// <c>AuthTestHost.SeededUsers</c> in <paramref name="dataFolder"/>, for tests of sign-in and user administration;
    /// <see cref="TestUsers.CircuitOf(IServiceProvider, string, ConsoleRole, Features.Account.UserSource)"/> makes a user's circuit.
    /// </summary>
    public static IServiceCollection AddAppAuth(this IServiceCollection services, string dataFolder)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(AuthTestHost.SeededUsers(dataFolder)).Build();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        return services.AddConsoleAuth(configuration).AddAuditLog(configuration);
    }

    /// <summary>Changes the user of a provider built without bUnit (e.g. a <c>ViewTestHost</c>).</summary>
    public static void SignInAs(this IServiceProvider services, ConsoleRole role, string? name = null) =>
        services.GetRequiredService<TestAuthenticationState>().SignInAs(role, name);

    /// <summary>The audit entries the services wrote, oldest first.</summary>
    public static Task<IReadOnlyList<AuditEntry>> AuditEntriesAsync(this IServiceProvider services) =>
        services.GetRequiredService<TestAuditLog>().EntriesAsync();
}
