using MailFromConsole.Core.Route53;
using MailFromConsole.Core.Ses;
using MailFromConsole.Testing;
using MailFromConsole.Web.Tests.Infrastructure.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace MailFromConsole.Web.Tests.Features.MailFrom;

/// <summary>
/// The console services as the app wires them against one embedded local AWS (<see cref="LocalBackendHost"/>) for the
/// whole class, with a counter on every HTTP request the wire clients send.
/// </summary>
public sealed class HostileLocalBackendFixture : IAsyncLifetime
{
    internal const string Region = "us-east-1";

    private LocalBackendHost host = null!;

    public ServiceProvider Services => host.Services;

    public RequestCounter Sent { get; } = new();

    private readonly Dictionary<string, IReadOnlyList<string>> seeded = [];

    public IReadOnlyList<string> SeededIdentities(string region) => seeded[region];

    public string ZoneId { get; private set; } = "";

    public async Task InitializeAsync()
    {
        // The signed-in test user is an Admin, who may do every action.
        host = await LocalBackendHost.StartAsync(
            server: o => o.EnableDnsAndDetection = false,
            settings: new Dictionary<string, string?>
            {
                ["Aws:RateLimits:SesMailFromInterval"] = "00:00:00.001",
                ["Aws:RateLimits:SesOtherInterval"] = "00:00:00.001",
                ["Aws:RateLimits:Route53RequestsPerSecond"] = "10000",
                ["Aws:Retry:MaxRetryAttempts"] = "0",
            },
            services: c => c.ConfigureAll<HttpClientFactoryOptions>(o => o.HttpMessageHandlerBuilderActions.Add(b => b.AdditionalHandlers.Insert(0, new CountingHandler(Sent)))));
        var ses = Services.GetRequiredService<ISesClient>();
        foreach (var region in new[] { "us-east-1", "eu-west-1" })
            seeded[region] = (await ses.ListIdentitiesAsync(region, null, null, null)).Identities;
        ZoneId = (await Services.GetRequiredService<IRoute53Client>().FindPublicHostedZoneAsync(HostileInputs.Identity))!.Id;
    }

    public async Task DisposeAsync() => await host.DisposeAsync();

    public sealed class RequestCounter
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public void Add() => Interlocked.Increment(ref count);
    }

    private sealed class CountingHandler(RequestCounter counter) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            counter.Add();
            return base.SendAsync(request, cancellationToken);
        }
    }
}
