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

        services.AddScoped<IVerifiedIdentityFinder, VerifiedIdentityFinder>();
        services.AddScoped<ISubdomainAdvisor, SubdomainAdvisor>();
        services.AddScoped<ISetupChecklist, SetupChecklist>();
        return services;
    }
}
