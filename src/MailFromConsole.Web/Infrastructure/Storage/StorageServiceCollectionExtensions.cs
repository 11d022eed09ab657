using Microsoft.EntityFrameworkCore;

namespace MailFromConsole.Web.Infrastructure.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// The console's database (<see cref="ConsoleDatabase"/>, also as <see cref="IDbContextFactory{ConsoleDbContext}"/>,
    /// and a scoped <see cref="ConsoleDbContext"/> for libraries that want one per scope), migrated at start-up,
    /// with the files of earlier versions imported (<see cref="LegacyFilesImport"/>).
    /// Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddConsoleStorage(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(s => s.ServiceType == typeof(ConsoleDatabase)))
        {
            return services;
        }
        services.AddSingleton(_ => StorageOptions.FromConfiguration(configuration));
        services.AddSingleton(provider => new ConsoleDatabase(provider.GetRequiredService<StorageOptions>(), provider.GetService<ILoggerFactory>()));
        services.AddSingleton<IDbContextFactory<ConsoleDbContext>>(provider => provider.GetRequiredService<ConsoleDatabase>());
        services.AddScoped(provider => provider.GetRequiredService<ConsoleDatabase>().CreateDbContext());
        services.AddSingleton<IHostedService, StorageStartup>();
        services.AddSingleton<IHostedService>(provider => new LegacyFilesImport(
            provider.GetRequiredService<ConsoleDatabase>(), configuration, provider.GetRequiredService<ILogger<LegacyFilesImport>>()));
        return services;
    }
}
