using System.Diagnostics;
using System.Security;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MailFromConsole.Benchmarks.MailFromAttributes;

/// <summary>
/// A loopback SES stand-in as strict as the documented limits: GetIdentityMailFromDomainAttributes at most once per
/// "second" (measured between accepted requests) and at most 100 identities per call; anything else is refused
/// with SES's error XML.
/// </summary>
internal sealed class StrictSesServer(WebApplication app, TimeSpan second) : IAsyncDisposable
{
    private const string Namespace = "http://ses.amazonaws.com/doc/2010-12-01/";
    private readonly Lock _lock = new();
    private long _lastAcceptedTicks = long.MinValue;

    public Uri Url { get; private set; } = null!;

    public int Accepted { get; private set; }

    public int Throttled { get; private set; }

    public int Refused { get; private set; }

    /// <summary>Arrival times (stopwatch ticks) of every request, accepted or not.</summary>
    public List<long> Arrivals { get; } = [];

    public static async Task<StrictSesServer> StartAsync(TimeSpan second)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new StrictSesServer(app, second);
        app.MapPost("/", server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server.Url = new Uri(address + "/");
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        // Stamp the arrival before reading the body, as close to the socket as the pipeline allows.
        var arrival = Stopwatch.GetTimestamp();
        var form = await context.Request.ReadFormAsync();
        var identities = form.Keys.Where(k => k.StartsWith("Identities.member.", StringComparison.Ordinal)).Select(k => form[k].ToString()).ToList();
        var (status, body) = Decide(arrival, form["Action"].ToString(), identities);
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/xml";
        await context.Response.WriteAsync(body, Encoding.UTF8);
    }

    private (int Status, string Body) Decide(long now, string action, List<string> identities)
    {
        if (action == "ListIdentities")
        {
            // Another operation with its own limit: lets the benchmark warm both sides up without using a MAIL FROM slot.
            return (200, $"""<ListIdentitiesResponse xmlns="{Namespace}"><ListIdentitiesResult><Identities/></ListIdentitiesResult></ListIdentitiesResponse>""");
        }
        if (action != "GetIdentityMailFromDomainAttributes" || identities.Count is 0 or > 100)
        {
            lock (_lock)
                Refused++;
            return (400, Error("InvalidParameterValue", "Expected GetIdentityMailFromDomainAttributes with 1 to 100 identities."));
        }
        lock (_lock)
        {
            Arrivals.Add(now);
            if (_lastAcceptedTicks != long.MinValue && Stopwatch.GetElapsedTime(_lastAcceptedTicks, now) < second)
            {
                Throttled++;
                return (400, Error("Throttling", "Rate exceeded"));
            }
            _lastAcceptedTicks = now;
            Accepted++;
        }
        var entries = string.Concat(identities.Select(i => $"""
            <entry><key>{SecurityElement.Escape(i)}</key><value><MailFromDomain>mail.{SecurityElement.Escape(i)}</MailFromDomain><MailFromDomainStatus>Success</MailFromDomainStatus><BehaviorOnMXFailure>UseDefaultValue</BehaviorOnMXFailure></value></entry>
            """));
        return (200, $"""
            <GetIdentityMailFromDomainAttributesResponse xmlns="{Namespace}"><GetIdentityMailFromDomainAttributesResult>
            <MailFromDomainAttributes>{entries}</MailFromDomainAttributes></GetIdentityMailFromDomainAttributesResult>
            <ResponseMetadata><RequestId>{Guid.NewGuid()}</RequestId></ResponseMetadata></GetIdentityMailFromDomainAttributesResponse>
            """);
    }

    private static string Error(string code, string message) =>
        $"""<ErrorResponse xmlns="{Namespace}"><Error><Type>Sender</Type><Code>{code}</Code><Message>{message}</Message></Error><RequestId>{Guid.NewGuid()}</RequestId></ErrorResponse>""";

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
