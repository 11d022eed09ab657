using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace MailFromConsole.Web.Hosting;

public static class LocalBackend
{
    /// <summary>
    /// With <c>Aws:Backend</c> = <c>Local</c> (the default), starts the embedded local AWS before the app is built and
    /// points the AWS clients and the DNS resolver at it. <c>Aws</c> uses real AWS and the configured resolver.
    /// </summary>
    public static async Task StartLocalAwsIfConfiguredAsync(this WebApplicationBuilder builder)
    {
        var backend = builder.Configuration["Aws:Backend"] ?? "Local";
        if (!string.Equals(backend, "Local", StringComparison.OrdinalIgnoreCase))
        {
            if (string.Equals(builder.Configuration["Dns:Resolver"], "local", StringComparison.OrdinalIgnoreCase))
                builder.Configuration["Dns:Resolver"] = "system";
            return;
        }
        await PendingLocalAws.StartAsync(builder);
    }

    /// <summary>Logs the URL(s) the console answers on once Kestrel has bound them.</summary>
    public static void LogListeningUrls(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
                app.Logger.LogInformation("MailFromConsole is running at {Url}", address);
        });
    }
}
