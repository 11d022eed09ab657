using MailFromConsole.Web.Features.CrossRegion;
using MailFromConsole.Web.Features.Dashboard;
using MailFromConsole.Web.Features.MailFrom;
using Microsoft.Extensions.Options;

namespace MailFromConsole.Web.Features.Assistant;

public static class GuidedSetupServiceCollectionExtensions
{
    /// <summary>
    /// The guided setup's services, on top of the console's (call after AddConsoleServices). Reads the optional
    /// "Guided" configuration section when an IConfiguration is registered.
    /// </summary>
    public static IServiceCollection AddGuidedSetup(this IServiceCollection services)
    {
        services.AddOptions<GuidedSetupOptions>();
        services.AddSingleton<IConfigureOptions<GuidedSetupOptions>>(sp => new ConfigureOptions<GuidedSetupOptions>(options =>
            sp.GetService<IConfiguration>()?.GetSection("Guided").Bind(options)));

        // Shared by every circuit: how long each MAIL FROM domain has been seen Pending.

        services.AddScoped<IVerifiedIdentityFinder, VerifiedIdentityFinder>();
        services.AddScoped<ISubdomainAdvisor, SubdomainAdvisor>();
        services.AddScoped<ISetupChecklist, SetupChecklist>();
        services.AddScoped<IMailFromDashboardService, MailFromDashboardService>();
        services.AddScoped<ICrossRegionService, CrossRegionService>();
        return services;
    }
}
