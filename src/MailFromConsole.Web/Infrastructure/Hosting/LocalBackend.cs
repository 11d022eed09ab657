using MailFromConsole.LocalAws;
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

        // The local server logs through its own factory: it starts before the app's logging exists.
        var loggerFactory = LoggerFactory.Create(logging => logging
            .AddConfiguration(configuration.GetSection("Logging"))
            .AddSimpleConsole(o => o.SingleLine = true));
        var server = await LocalAwsServer.StartAsync(options, loggerFactory, CancellationToken.None);
        builder.Services.AddSingleton(server);
        builder.Services.AddSingleton(new LocalBackendInfo(new Uri(server.HttpEndpoint, "_local/outside-dns"), new Uri(server.HttpEndpoint, "_local/mailbox")));
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
