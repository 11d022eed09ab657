using MailFromConsole.Web.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MailFromConsole.Web.Features.Audit;

public static class AuditServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IAuditLog"/> (SQLite <c>audit.db</c> in the console data folder, see
    /// <see cref="ConsoleDataFolder"/>) and the scoped <see cref="IAuditTrail"/>. Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddAuditLog(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IAuditLog>(_ => new SqliteAuditLog(ConsoleDataFolder.Resolve(configuration)));
        services.TryAddScoped<IAuditTrail, AuditTrail>();
        return services;
    }
}
