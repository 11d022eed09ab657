using System.Net;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;

namespace MailFromConsole.Web.Infrastructure.Operations;

/// <summary>
/// What running the console in production needs: <c>/healthz</c> (the process serves), <c>/healthz/ready</c> (database
/// reachable and migrated, AWS backend answering), and forwarded headers from the reverse proxies named in
/// <c>ForwardedHeaders:KnownProxies</c> (addresses) and <c>ForwardedHeaders:KnownNetworks</c> (CIDR). JSON logs are
/// the host's own option: <c>Logging:Console:FormatterName=json</c>.
/// </summary>
public static class OperationsExtensions
{
    public const string LivenessPath = "/healthz";
    public const string ReadinessPath = "/healthz/ready";
    private const string ReadyTag = "ready";

    public static IServiceCollection AddConsoleOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<AwsBackendHealthCheck>("aws", tags: [ReadyTag]);

        var section = configuration.GetSection("ForwardedHeaders");
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            // Only the proxies named here are believed.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                forwarded.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                    ? address
                    : throw new InvalidOperationException($"ForwardedHeaders:KnownProxies '{proxy}' is not an IP address."));
            }
            foreach (var network in networks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed)
                    ? parsed
                    : throw new InvalidOperationException($"ForwardedHeaders:KnownNetworks '{network}' is not a network in CIDR form (10.0.0.0/8)."));
            }
            // With both lists empty the middleware would believe every sender, so with no proxy named no header is read
            // (a client could otherwise pick its own address for the sign-in limits and the audit log).
            forwarded.ForwardedHeaders = forwarded.KnownProxies.Count + forwarded.KnownIPNetworks.Count == 0
                ? ForwardedHeaders.None
                : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
        });
        return services;
    }

    /// <summary>First in the pipeline, so sign-in limits, logs and redirects see the client's address and scheme.</summary>
    public static WebApplication UseConsoleForwardedHeaders(this WebApplication app)
    {
        app.UseForwardedHeaders();
        return app;
    }

    public static WebApplication MapConsoleHealth(this WebApplication app)
    {
        app.MapHealthChecks(LivenessPath, new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks(ReadinessPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag) }).AllowAnonymous();
        return app;
    }
}
