using MailFromConsole.Aws;
using MailFromConsole.Core.Deliverability;
using MailFromConsole.Core.Diagnosis;
using MailFromConsole.Web.Components.Flash;
using MailFromConsole.Web.Components.Shared;
using MailFromConsole.Web.Components;
using MailFromConsole.Web.Features.Assistant;
using MailFromConsole.Web.Features.Audit;
using MailFromConsole.Web.Features.Bulk;
using MailFromConsole.Web.Features.Connection;
using MailFromConsole.Web.Features.CrossRegion;
using MailFromConsole.Web.Features.Dashboard;
using MailFromConsole.Web.Features.Deliverability;
using MailFromConsole.Web.Features.Export;
using MailFromConsole.Web.Features.Identities;
using MailFromConsole.Web.Features.MailFrom;
using MailFromConsole.Web.Features.Publish;
using MailFromConsole.Web.Features.Status;
using MailFromConsole.Web.Features.View;
using MailFromConsole.Web.Infrastructure.Changes;
using MailFromConsole.Web.Infrastructure.Cluster;
using MailFromConsole.Web.Infrastructure.Regions;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;

namespace MailFromConsole.Web.Infrastructure.Hosting;

public static class ApplicationServices
{
    /// <summary>Everything the console needs: Blazor, MudBlazor, the AWS clients, DNS diagnosis and the console services.</summary>
    public static IServiceCollection AddApplicationServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices(o =>
        {
            // Bottom left, few and never twice the same: copy confirmations stay clear of a dialog's buttons (bottom right).
            o.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomLeft;
            o.SnackbarConfiguration.VisibleStateDuration = 4000;
            o.SnackbarConfiguration.PreventDuplicates = true;
            o.SnackbarConfiguration.MaxDisplayedSnackbars = 2;
        });

        services.AddAwsClients(configuration);
        services.Configure<DnsResolverOptions>(configuration.GetSection("Dns"));
        services.AddSingleton<IMailFromDnsDiagnostics>(sp => new MailFromDnsDiagnostics(sp.GetRequiredService<IOptions<DnsResolverOptions>>().Value));
        services.AddSingleton<IDeliverabilityDnsChecks>(sp => new DeliverabilityDnsChecks(sp.GetRequiredService<IOptions<DnsResolverOptions>>().Value));

        return services.AddConsoleServices(configuration);
    }

    /// <summary>
    /// The console's own services, each feature's in one place (also used by the bUnit tests over fake AWS clients).
    /// The sign-in (<c>AddConsoleAuth</c>) is added beside them: tests replace it with their own user.
    /// </summary>
    public static IServiceCollection AddConsoleServices(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ConsoleRegionOptions>(configuration.GetSection("Aws"));
        services.Configure<ConsoleTimingOptions>(configuration.GetSection("Console"));
        services.AddSingleton(TimeProvider.System);
        // Shared by every circuit: one account view, kept fresh by one sweeper; pages read it and are told its changes.
        services.AddAccountView(configuration);
        services.AddSingleton<IMailFromStatusCache, ViewStatusCache>();

        services.AddScoped<IRegionState, RegionState>();
        services.AddScoped<IFlashMessages, FlashMessages>();
        // Every change in AWS goes through the one gate: the role as stored now, the audit intent, then the outcome.
        services.AddScoped<IChangeGate, ChangeGate>();
        services.AddChangeLocks(configuration);
        services.AddSingleton<UnfinishedChanges>();
        services.AddHostedService(sp => sp.GetRequiredService<UnfinishedChanges>());
        services.AddScoped<IIdentityService, IdentityService>();
        services.AddScoped<IMailFromService, MailFromService>();
        services.AddSingleton<IPendingSince, PendingSince>();
        services.AddScoped<IPublishService, PublishService>();
        services.AddScoped<IDeliverabilityService, DeliverabilityService>();
        services.AddScoped<IConnectionService, ConnectionService>();
        services.AddScoped<IMailFromDashboardService, MailFromDashboardService>();
        services.AddScoped<ICrossRegionService, CrossRegionService>();
        services.AddScoped<IRequiredRecordsLookup, RequiredRecordsLookup>();
        services.AddScoped<IExportService, ExportService>();
        services.AddScoped<IClipboard, JsClipboard>();
        services.AddAuditLog(configuration);
        services.AddBulkSetup();
        return services.AddGuidedSetup();
    }

    /// <summary>The console's endpoints: its pages and each feature's own (the audit exports, the export as code).</summary>
    public static WebApplication MapApplication(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAuditExport();
        app.MapExport();
        app.MapBulkResults();
        app.MapLocalPages();
        return app;
    }
}
