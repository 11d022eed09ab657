using MailFromConsole.Web.Features.View.Storage;
using MailFromConsole.Web.Infrastructure.Cluster;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MailFromConsole.Web.Features.View;

public static class ViewServiceCollectionExtensions
{
    /// <summary>The account view (one per process), its sweeper, drift alerts and the per-circuit state.</summary>
    public static IServiceCollection AddAccountView(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ViewOptions>(configuration.GetSection(ViewOptions.Section));
        // Only the leader sweeps; every change reaches the other instances' views (Infrastructure/Cluster).
        services.AddConsoleCluster(configuration);
        services.TryAddSingleton<IAccountViewStore, EfAccountViewStore>();
        services.AddSingleton<AccountView>();
        services.AddSingleton<WatchedIdentities>();
        services.AddSingleton<DriftAlerts>();
        services.AddSingleton<IDriftAlerts>(sp => sp.GetRequiredService<DriftAlerts>());
        // Held by the singleton alerts: pooled connections are renewed by the handler, not by the factory.
        services.AddHttpClient<DriftWebhook>(http => http.Timeout = TimeSpan.FromSeconds(10))
            .UseSocketsHttpHandler((handler, _) => handler.PooledConnectionLifetime = TimeSpan.FromMinutes(5))
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.AddSingleton<AccountViewSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<AccountViewSweeper>());
        services.AddScoped<IAccountViewState, AccountViewState>();
        return services;
    }
}
