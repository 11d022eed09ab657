using MailFromConsole.Web.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MailFromConsole.Web.Features.Audit;

public static class AuditServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IAuditLog"/> (in the console's database, see <see cref="ConsoleDatabase"/>) and the scoped
    /// <see cref="IAuditTrail"/>. Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddAuditLog(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddConsoleStorage(configuration);
        services.TryAddSingleton<IAuditLog, ConsoleAuditLog>();
        services.TryAddScoped<IAuditTrail, AuditTrail>();
        return services;
    }
}
