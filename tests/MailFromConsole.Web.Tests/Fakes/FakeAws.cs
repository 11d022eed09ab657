using System.Net;
using MailFromConsole.Core.Deliverability;
using MailFromConsole.Core.Diagnosis;
using MailFromConsole.LocalAws.Dns;
using Microsoft.Extensions.Logging.Abstractions;

namespace MailFromConsole.Web.Tests.Fakes;

/// <summary>
/// The test account: in-memory SES and Route 53 (and a fixed STS) at the client interfaces, and a real DNS server on loopback that
/// serves the Route 53 zones (and "outside" zones), so the console's DnsClient diagnosis asks real DNS.
/// The DNS server starts on the first diagnosis (most tests never need it).
/// </summary>
public sealed class FakeAws : IAsyncDisposable
{
    public const string Region = "us-east-1";

    private readonly SemaphoreSlim dnsGate = new(1, 1);
    private LocalDnsServer? dns;
    private MailFromDnsDiagnostics? diagnostics;
    private DeliverabilityDnsChecks? deliverability;
    private FakeRoute53Accounts? route53Accounts;

    public FakeAws()
    {
        Diagnostics = new RealDnsDiagnostics(this);
        DeliverabilityDns = new RealDeliverabilityDnsChecks(this);
    }

    public InMemorySes Ses { get; } = new();

    public InMemoryRoute53 Route53 { get; } = new();

    public FakeSts Sts { get; } = new();

    /// <summary>Route 53 as the services reach it: <see cref="Route53"/> for the console's own account, and any other a test adds.</summary>
    public FakeRoute53Accounts Route53Accounts => route53Accounts ??= new FakeRoute53Accounts(Route53);

    public IMailFromDnsDiagnostics Diagnostics { get; }
    public IDeliverabilityDnsChecks DeliverabilityDns { get; }

    public static Task<FakeAws> StartAsync() => Task.FromResult(new FakeAws());

    public async ValueTask DisposeAsync()
    {
        if (dns is null) return;
        try
        {
            await dns.DisposeAsync();
        }
        catch (AggregateException ex) when (ex.Flatten().InnerExceptions.All(e => e is TaskCanceledException))
        {
            // ARSoft's DnsServer.Stop() waits on its own listener tasks after cancelling them and rethrows that
            // cancellation (when a listener never got a query). The server is stopped; nothing else went wrong.
        }
    }

    private async Task<MailFromDnsDiagnostics> DiagnosticsAsync() => diagnostics ??= new MailFromDnsDiagnostics(await ResolverAsync());

    private async Task<DeliverabilityDnsChecks> DeliverabilityAsync() => deliverability ??= new DeliverabilityDnsChecks(await ResolverAsync());

    private async Task<DnsResolverOptions> ResolverAsync()
    {
        await dnsGate.WaitAsync();
        try
        {
            if (dns is null)
            {
                dns = new LocalDnsServer(Route53, NullLogger<LocalDnsServer>.Instance);
                await dns.StartAsync(new IPEndPoint(IPAddress.Loopback, 0), CancellationToken.None);
            }
            return new DnsResolverOptions { Resolver = dns.Endpoint.ToString(), Timeout = TimeSpan.FromSeconds(2) };
        }
        finally
        {
            dnsGate.Release();
        }
    }

    private sealed class RealDnsDiagnostics(FakeAws owner) : IMailFromDnsDiagnostics
    {
        public async Task<DnsDiagnosis> DiagnoseAsync(string mailFromDomain, string region, CancellationToken cancellationToken = default) =>
            await (await owner.DiagnosticsAsync()).DiagnoseAsync(mailFromDomain, region, cancellationToken);
    }

    private sealed class RealDeliverabilityDnsChecks(FakeAws owner) : IDeliverabilityDnsChecks
    {
        public async Task<DmarcLookup> LookUpDmarcAsync(string domain, CancellationToken cancellationToken = default) =>
            await (await owner.DeliverabilityAsync()).LookUpDmarcAsync(domain, cancellationToken);

        public async Task<SpfCheck> CheckSpfAsync(string mailFromDomain, CancellationToken cancellationToken = default) =>
            await (await owner.DeliverabilityAsync()).CheckSpfAsync(mailFromDomain, cancellationToken);

        public async Task<IReadOnlyList<DkimCnameCheck>> CheckDkimCnamesAsync(string domain, IReadOnlyList<string> tokens, CancellationToken cancellationToken = default) =>
            await (await owner.DeliverabilityAsync()).CheckDkimCnamesAsync(domain, tokens, cancellationToken);
    }
}
