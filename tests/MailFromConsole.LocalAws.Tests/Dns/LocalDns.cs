using System.Net;
using DnsClient;
using MailFromConsole.LocalAws.Dns;
using Microsoft.Extensions.Logging.Abstractions;

namespace MailFromConsole.LocalAws.Tests.Dns;

/// <summary>Starts the real server on a loopback port and builds DnsClient resolvers against it.</summary>
internal static class LocalDns
{
    public static async Task<LocalDnsServer> StartAsync(IZoneData zones)
    {
        var server = new LocalDnsServer(zones, NullLogger<LocalDnsServer>.Instance);
        await server.StartAsync(new IPEndPoint(IPAddress.Loopback, 0), CancellationToken.None);
        return server;
    }

    public static LookupClient Client(IPEndPoint endpoint, bool tcpOnly = false, bool tcpFallback = true) =>
        new(new LookupClientOptions(endpoint)
        {
            UseCache = false,
            Retries = 0,
            Timeout = TimeSpan.FromSeconds(5),
            UseTcpOnly = tcpOnly,
            UseTcpFallback = tcpFallback,
            ThrowDnsErrors = false,
            ContinueOnDnsError = false,
        });
}
