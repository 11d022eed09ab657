using MailFromConsole.LocalAws;
using MailFromConsole.LocalAws.Local;
using MailFromConsole.LocalAws.OutsideDns;
using MailFromConsole.Web.Infrastructure.Auth;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace MailFromConsole.Web.Infrastructure.Hosting;

public static class LocalBackend
{
    /// <summary>
    /// With <c>Aws:Backend</c> = <c>Local</c> (the default), starts the embedded local AWS before the app is built and
    /// points the AWS clients (service URLs, test credentials) and the DNS resolver at it. <c>Aws</c> uses real AWS.
    /// </summary>
    public static async Task StartLocalAwsIfConfiguredAsync(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var backend = configuration["Aws:Backend"] ?? "Local";
        var resolverIsLocal = string.Equals(configuration["Dns:Resolver"], "local", StringComparison.OrdinalIgnoreCase);
        if (!string.Equals(backend, "Local", StringComparison.OrdinalIgnoreCase))
        {
            if (resolverIsLocal) configuration["Dns:Resolver"] = "system";
            return;
        }

        // A relative data folder lives under the repository root (the content root), wherever the app starts.
        var options = LocalAwsOptions.FromConfiguration(configuration, builder.Environment.ContentRootPath);
        // The console serves the local pages itself, behind its sign-in (MapLocalPages); never unsigned on the AWS port.
        options.PagesOnOwnPort = false;

        // The local server logs through its own factory: it starts before the app's logging exists.
        var loggerFactory = LoggerFactory.Create(logging => logging
            .AddConfiguration(configuration.GetSection("Logging"))
            .AddSimpleConsole(o => o.SingleLine = true));
        var server = await LocalAwsServer.StartAsync(options, loggerFactory, CancellationToken.None);
        builder.Services.AddSingleton(server);
        builder.Services.AddSingleton(server.OutsideZones);
        builder.Services.AddSingleton(new LocalBackendInfo(
            new Uri(OutsideDnsEndpoints.BasePath, UriKind.Relative), new Uri(LocalPageEndpoints.MailboxPath, UriKind.Relative)));
        builder.Services.AddHostedService(sp => new LocalBackendLifetime(server, loggerFactory));

        var endpoint = server.HttpEndpoint.ToString();
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Aws:SesServiceUrl"] = endpoint,
            ["Aws:Route53ServiceUrl"] = endpoint,
            ["Aws:StsServiceUrl"] = endpoint,
            ["Aws:AccessKeyId"] = options.AccessKeyId,
            ["Aws:SecretAccessKey"] = options.SecretAccessKey,
            ["Dns:Resolver"] = resolverIsLocal
                ? server.DnsEndpoint?.ToString() ?? "system"
                : configuration["Dns:Resolver"],
        });
    }

    /// <summary>
    /// On the local AWS, serves its pages on the console's own port behind the console's sign-in: the mailbox and the
    /// outside DNS for any signed-in user, the faults (they can break every AWS call) for Admins only; the
    /// verification mail's link needs only its token. APIs answer 401/403 rather than a sign-in page.
    /// </summary>
    public static WebApplication MapLocalPages(this WebApplication app)
    {
        if (app.Services.GetService<LocalAwsServer>() is { } server)
        {
            var pages = server.MapLocalPages(app);
            pages.Mailbox.RequireAuthorization(ConsolePolicies.Viewer);
            pages.OutsideDns.RequireAuthorization(ConsolePolicies.Viewer);
            pages.Faults.RequireAuthorization(ConsolePolicies.Admin);
            pages.Verify.AllowAnonymous();
        }
        return app;
    }

    /// <summary>Logs the URL(s) the console answers on once Kestrel has bound them, and where the local AWS is.</summary>
    public static void LogListeningUrls(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses)
                app.Logger.LogInformation("MailFromConsole is running at {Url}", address);
            if (app.Services.GetService<LocalAwsServer>() is { } server)
                app.Logger.LogInformation(
                    "The local AWS answers the aws CLI on {Endpoint} (--endpoint-url {Endpoint}, keys test/test, loopback only); its pages are under /_local/ here",
                    server.HttpEndpoint, server.HttpEndpoint);
        });
    }

    /// <summary>Stops the local AWS (and its logging) when the console stops.</summary>
    private sealed class LocalBackendLifetime(LocalAwsServer server, ILoggerFactory loggerFactory) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task StopAsync(CancellationToken cancellationToken)
        {
            await server.DisposeAsync();
            loggerFactory.Dispose();
        }
    }
}
