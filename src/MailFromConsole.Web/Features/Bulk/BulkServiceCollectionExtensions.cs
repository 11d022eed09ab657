namespace MailFromConsole.Web.Features.Bulk;

public static class BulkServiceCollectionExtensions
{
    /// <summary>Bulk MAIL FROM setup: the review, the jobs (stored, run on the leader) and their page.</summary>
    public static IServiceCollection AddBulkSetup(this IServiceCollection services)
    {
        services.AddSingleton<BulkJobStore>();
        services.AddSingleton<BulkJobRunner>();
        services.AddSingleton<BulkJobWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<BulkJobWorker>());
        services.AddScoped<BulkReviewer>();
        services.AddScoped<IBulkSetupService, BulkSetupService>();
        return services;
    }
}
