using MailFromConsole.Aws;
using MailFromConsole.Web.Infrastructure.Changes;
using MailFromConsole.Web.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MailFromConsole.Web.Infrastructure.Cluster;

public static class ClusterServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="ILeaderLease"/>, <see cref="IChangeNotifications"/> and <see cref="ISharedAwsPacing"/> for the
    /// configured storage: the PostgreSQL ones (advisory lock, LISTEN/NOTIFY, a shared AWS rate limit) when instances
    /// share a PostgreSQL database, the single-process ones on SQLite. Safe to call more than once.
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
            // Whichever runs first, AddAwsClients' single-process default or this: the shared pacing wins.
            services.Replace(ServiceDescriptor.Singleton<ISharedAwsPacing, PostgresAwsPacing>());
        }
        else
        {
            services.AddSingleton<ILeaderLease, SingleInstanceLease>();
            services.AddSingleton<IChangeNotifications, InProcessChangeNotifications>();
        }
        return services;
    }

    /// <summary>
    /// The lock a read-check-write change holds (<see cref="IChangeLocks"/>): a PostgreSQL advisory lock shared by all
    /// instances on <c>Storage:Provider=Postgres</c>, this process's own on SQLite.
    /// </summary>
    public static IServiceCollection AddChangeLocks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddConsoleStorage(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ChangeLocks>();
        if (StorageOptions.FromConfiguration(configuration).IsPostgres)
            services.TryAddSingleton<IChangeLocks, PostgresChangeLocks>();
        else
            services.TryAddSingleton<IChangeLocks>(provider => provider.GetRequiredService<ChangeLocks>());
        return services;
    }
}
