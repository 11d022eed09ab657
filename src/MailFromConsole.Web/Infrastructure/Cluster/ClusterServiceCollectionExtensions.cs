using MailFromConsole.Web.Infrastructure.Storage;

namespace MailFromConsole.Web.Infrastructure.Cluster;

public static class ClusterServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="ILeaderLease"/> and <see cref="IChangeNotifications"/> for the configured storage: the PostgreSQL
    /// ones (advisory lock, LISTEN/NOTIFY) when instances share a PostgreSQL database, the single-process ones on
    /// SQLite. Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddConsoleCluster(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(s => s.ServiceType == typeof(ILeaderLease)))
        {
            return services;
        }
        services.AddConsoleStorage(configuration);
        services.AddSingleton<ChangeSubscribers>();
        if (StorageOptions.FromConfiguration(configuration).IsPostgres)
        {
            services.AddSingleton<PostgresLeaderLease>();
            services.AddSingleton<ILeaderLease>(provider => provider.GetRequiredService<PostgresLeaderLease>());
            services.AddHostedService(provider => provider.GetRequiredService<PostgresLeaderLease>());
            services.AddSingleton<PostgresChangeNotifications>();
            services.AddSingleton<IChangeNotifications>(provider => provider.GetRequiredService<PostgresChangeNotifications>());
            services.AddHostedService(provider => provider.GetRequiredService<PostgresChangeNotifications>());
        }
        else
        {
            services.AddSingleton<ILeaderLease, SingleInstanceLease>();
            services.AddSingleton<IChangeNotifications, InProcessChangeNotifications>();
        }
        return services;
    }
}
