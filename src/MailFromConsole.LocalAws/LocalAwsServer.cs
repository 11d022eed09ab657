using System.Net;
using MailFromConsole.LocalAws.Auth;
using MailFromConsole.LocalAws.Detection;
using MailFromConsole.LocalAws.Dns;
using MailFromConsole.LocalAws.Faults;
using MailFromConsole.LocalAws.Local;
using MailFromConsole.LocalAws.OutsideDns;
using MailFromConsole.LocalAws.Route53;
using MailFromConsole.LocalAws.Ses;
using MailFromConsole.LocalAws.SesV2;
using MailFromConsole.LocalAws.Store;
using MailFromConsole.LocalAws.Sts;
using MailFromConsole.LocalAws.Wire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MailFromConsole.LocalAws;

/// <summary>
/// The embedded local AWS: SES (Query API) and Route 53 (REST-XML) on one loopback HTTP endpoint, state in SQLite
/// under <see cref="LocalAwsOptions.DataFolder"/>. Start it with <see cref="StartAsync(LocalAwsOptions, ILoggerFactory, CancellationToken)"/>
/// and point the AWS clients' service URL at <see cref="HttpEndpoint"/> (credentials <c>test</c>/<c>test</c> by default).
/// </summary>
public sealed class LocalAwsServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly LocalDatabase _database;
    private readonly MailboxRepository _mailbox;
    private readonly FaultInjector _faults;
    private readonly IdentityRepository _identities;
    private readonly LocalPages _pages;
    private readonly TimeProvider _time;
    private LocalDnsServer? _dns;

    private LocalAwsServer(WebApplication app, LocalDatabase database, MailboxRepository mailbox, FaultInjector faults,
        IdentityRepository identities, LocalPages pages, TimeProvider time,
        IZoneData zoneData, OutsideZoneStore outsideZones, IDetectionStore detectionStore, Uri httpEndpoint)
    {
        _pages = pages;
        _identities = identities;
        _time = time;
        _app = app;
        _database = database;
        _mailbox = mailbox;
        _faults = faults;
        ZoneData = zoneData;
        OutsideZones = outsideZones;
        DetectionStore = detectionStore;
        HttpEndpoint = httpEndpoint;
    }

    /// <summary>The SES and Route 53 endpoint, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri HttpEndpoint { get; }

    /// <summary>The loopback DNS server serving the hosted zones (and outside zones); null until the DNS part runs.</summary>
    public IPEndPoint? DnsEndpoint { get; private set; }

    /// <summary>
    /// The public Route 53 zones of all local accounts as DNS data, the first created of a name answering for it (the
    /// DNS server adds outside zones by composition).
    /// </summary>
    public IZoneData ZoneData { get; }

    /// <summary>Zones of the "other DNS provider" (page and API under <c>/_local/outside-dns</c>).</summary>
    public OutsideZoneStore OutsideZones { get; }

    /// <summary>Everything the local DNS serves: Route 53 zones first, then outside zones.</summary>
    public IZoneData AllZoneData => new CompositeZoneData(ZoneData, OutsideZones);

    /// <summary>The running MX-detection worker (null when DNS and detection are off); tests run passes directly.</summary>
    internal MailFromDetectionWorker? DetectionWorker { get; private set; }

    /// <summary>What the MX-detection worker reads and writes.</summary>
    public IDetectionStore DetectionStore { get; }

    /// <summary>Path of the SQLite file.</summary>
    public string DatabasePath => _database.FilePath;

    /// <summary>Verification mails and sent messages, newest first.</summary>
    public IReadOnlyList<MailboxMessage> Mailbox() => _mailbox.All();

    /// <summary>
    /// Maps the local pages (mailbox, outside DNS, faults, the verification link) onto another host, the console, which
    /// puts them behind its sign-in. The host's services need <see cref="OutsideZones"/> and antiforgery.
    /// </summary>
    public LocalPageEndpoints MapLocalPages(IEndpointRouteBuilder endpoints) => MapPages(endpoints, _pages, () => DnsEndpoint);

    private static LocalPageEndpoints MapPages(IEndpointRouteBuilder endpoints, LocalPages pages, Func<IPEndPoint?> dnsEndpoint) =>
        new(pages.MapMailbox(endpoints), endpoints.MapOutsideDns(dnsEndpoint), pages.MapFaults(endpoints), pages.MapVerify(endpoints));

    /// <summary>Adds a fault at run time (as <c>POST /_local/faults</c> does).</summary>
    public void InjectFault(FaultRule rule) => _faults.Add(rule);

    public void ClearFaults() => _faults.Clear();

    /// <summary>The faults in force (as <c>GET /_local/faults</c> lists them).</summary>
    public IReadOnlyList<FaultRule> Faults => _faults.Rules;

    /// <summary>
    /// Adds verified identities of the default account (addresses contain '@', the rest are domains) in one transaction, bypassing the
    /// API and its rate limit: for benchmarks and UI tests that need thousands of identities.
    /// </summary>
    public void AddVerifiedIdentities(string region, IEnumerable<string> identities)
    {
        var now = _time.GetUtcNow();
        _identities.InsertMany(identities.Select(identity =>
        {
            var type = identity.Contains('@') ? Core.Ses.IdentityType.EmailAddress : Core.Ses.IdentityType.Domain;
            return IdentityRecord.New(new SesScope(LocalAwsOptions.DefaultAccountId, region), identity, type, LocalAwsSeeds.VerificationToken(region, identity), now)
                with { VerificationStatus = Core.Ses.VerificationStatus.Success };
        }));
    }

    public static Task<LocalAwsServer> StartAsync(LocalAwsOptions options, ILoggerFactory loggerFactory, CancellationToken cancellationToken) =>
        StartAsync(options, loggerFactory, TimeProvider.System, cancellationToken);

    /// <param name="time">Clock for change propagation, rate limits and (later) detection; tests pass a fake one.</param>
    public static async Task<LocalAwsServer> StartAsync(LocalAwsOptions options, ILoggerFactory loggerFactory, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        // A wrong account or role setting stops the start before any file is touched.
        var accounts = new LocalAccounts(options);
        var database = new LocalDatabase(Path.GetFullPath(options.DataFolder));
        var isNew = database.Initialise();
        var identities = new IdentityRepository(database);
        var zones = new ZoneRepository(database);
        var mailbox = new MailboxRepository(database);
        var route53 = new Route53Api(zones, time, options.ChangePropagationDelay);
        if (isNew && options.SeedDemoData)
        {
            new DemoSeeder(identities, zones, route53, time).Seed();
        }

        var outside = new OutsideZoneStore(database.FilePath, time);
        if (isNew && options.SeedDemoData)
        {
            // The outside provider's zone carries the seeded token, as a user would have added it by hand.
            outside.AddZone(LocalAwsSeeds.OutsideDnsDomain);
            outside.AddRecord(LocalAwsSeeds.OutsideDnsDomain, "_amazonses", "TXT",
                LocalAwsSeeds.VerificationToken(LocalAwsSeeds.Region, LocalAwsSeeds.OutsideDnsDomain));
        }

        var hostedZones = new HostedZoneData(zones);
        var dns = options.EnableDnsAndDetection
            ? new LocalDnsServer(new CompositeZoneData(hostedZones, outside), loggerFactory.CreateLogger<LocalDnsServer>())
            : null;

        Uri? endpoint = null;
        var faults = new FaultInjector(options.Faults);
        var sesIdentities = new SesIdentities(identities, mailbox, time, () => endpoint ?? throw new InvalidOperationException("The local AWS server has not started."));
        var ses = new SesApi(sesIdentities, mailbox, time);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddRouting();
        builder.Services.AddSingleton(time);
        // Antiforgery keys of the local pages live with the data, so a form opened before a restart still posts.
        builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(Path.GetDirectoryName(database.FilePath)!, "keys")));
        builder.Services.AddOutsideDns(outside);
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k =>
        {
            // Loopback only: this endpoint accepts the well-known test credentials.
            k.Listen(IPAddress.Loopback, options.HttpPort);
            k.AddServerHeader = false;
        });
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        builder.Services.AddSingleton(options);
        var temporaryCredentials = new TemporaryCredentialStore(time);
        builder.Services.AddSingleton(new SigV4Verifier(accounts, temporaryCredentials, time));
        builder.Services.AddSingleton(new StsApi(accounts, temporaryCredentials));
        builder.Services.AddSingleton(ses);
        builder.Services.AddSingleton(new SesV2Api(sesIdentities));
        builder.Services.AddSingleton(route53);
        builder.Services.AddSingleton(faults);
        builder.Services.AddSingleton(new RateLimiter(time));
        var pages = new LocalPages(mailbox, identities, faults);
        builder.Services.AddSingleton<RequestDispatcher>();
        var app = builder.Build();
        var dispatcher = app.Services.GetRequiredService<RequestDispatcher>();
        if (options.PagesOnOwnPort)
        {
            MapPages(app, pages, () => dns is { IsRunning: true } ? dns.Endpoint : null);
        }
        else
        {
            // The mail's link carries its own secret; the pages are the console's, behind its sign-in.
            pages.MapVerify(app);
        }

        // Everything else (SES, Route 53, the other local pages) goes to the dispatcher, whatever the path looks like.
        app.MapFallback("{**path}", dispatcher.HandleAsync);
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        endpoint = new Uri(address.EndsWith('/') ? address : address + "/");
        var server = new LocalAwsServer(app, database, mailbox, faults, identities, pages, time, hostedZones, outside, new DetectionStore(identities), endpoint);
        if (dns is not null)
        {
            try
            {
                await server.StartDnsAndDetectionAsync(dns, options, loggerFactory, time, cancellationToken);
            }
            catch
            {
                // A DNS port already in use must not leave the HTTP endpoint running without its owner.
                await server.DisposeAsync();
                throw;
            }
        }

        loggerFactory.CreateLogger<LocalAwsServer>().LogInformation(
            "Local AWS (SES + Route 53) listening on {Endpoint}, data in {Database}", endpoint, database.FilePath);
        return server;
    }

    /// <summary>Starts the loopback DNS view of all zones and the worker that resolves MAIL FROM domains through it.</summary>
    private async Task StartDnsAndDetectionAsync(LocalDnsServer dns, LocalAwsOptions options, ILoggerFactory loggerFactory, TimeProvider time, CancellationToken cancellationToken)
    {
        _dns = dns;
        await _dns.StartAsync(new IPEndPoint(IPAddress.Loopback, options.DnsPort), cancellationToken);
        DnsEndpoint = _dns.Endpoint;
        DetectionWorker = new MailFromDetectionWorker(DetectionStore, new MailFromDetectionOptions
        {
            Interval = options.DetectionInterval,
            DetectionWindow = options.DetectionWindow,
            DnsEndpoint = _dns.Endpoint,
        }, time, loggerFactory.CreateLogger<MailFromDetectionWorker>());
        await DetectionWorker.StartAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (DetectionWorker is { } worker)
        {
            await worker.StopAsync(CancellationToken.None);
            worker.Dispose();
        }

        if (_dns is not null)
        {
            await _dns.DisposeAsync();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
        _database.ClearPool();
    }
}
