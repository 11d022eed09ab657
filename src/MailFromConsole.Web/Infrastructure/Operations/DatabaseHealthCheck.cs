using MailFromConsole.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MailFromConsole.Web.Infrastructure.Operations;

/// <summary>Ready when the console's database answers and holds every migration this version has.</summary>
internal sealed class DatabaseHealthCheck(ConsoleDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await database.CreateDbContextAsync(cancellationToken);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            return pending.Count == 0
                ? HealthCheckResult.Healthy(database.Storage.Description)
                : HealthCheckResult.Unhealthy($"{database.Storage.Description}: migrations not applied: {string.Join(", ", pending)}");
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or InvalidOperationException or ConsoleStorageException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"{database.Storage.Description} cannot be used: {ex.Message}");
        }
    }
}
