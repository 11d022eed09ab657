using System.Globalization;
using System.Net;
using DnsClient;

namespace MailFromConsole.Core.Diagnosis;

/// <summary>Turns <see cref="DnsResolverOptions"/> into DnsClient options: "system" or "host:port".</summary>
internal static class DnsResolverEndpoint
{
    private const int DnsPort = 53;

    public static LookupClientOptions ToLookupOptions(DnsResolverOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var resolver = (options.Resolver ?? "").Trim();
        var lookup = resolver.Length == 0 || resolver.Equals("system", StringComparison.OrdinalIgnoreCase)
            ? new LookupClientOptions()
            : new LookupClientOptions(Parse(resolver));

        // A diagnosis must show what DNS says now, and a timeout must show as a timeout rather than be hidden by retries.
        lookup.UseCache = false;
        lookup.Retries = 0;
        lookup.UseTcpFallback = true;
        lookup.ThrowDnsErrors = false;
        lookup.ContinueOnDnsError = false;
        lookup.Timeout = options.Timeout > TimeSpan.Zero ? options.Timeout : TimeSpan.FromSeconds(3);
        return lookup;
    }

    /// <summary>"127.0.0.1:5353", "[::1]:53", "localhost:5353" or a bare host (port 53).</summary>
    public static IPEndPoint Parse(string resolver)
    {
        if (resolver.Equals("local", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException(
                "The DNS resolver 'local' means the embedded local AWS DNS view; the host must replace it with that server's " +
                "address (e.g. 127.0.0.1:5399, from LocalAws:DnsPort) before creating the diagnostics.", nameof(resolver));
        }

        if (IPEndPoint.TryParse(resolver, out var endPoint))
        {
            if (endPoint.Port == 0)
            {
                endPoint.Port = DnsPort;
            }

            return endPoint;
        }

        var colon = resolver.LastIndexOf(':');
        var host = colon > 0 ? resolver[..colon] : resolver;
        var port = DnsPort;
        if (colon > 0 && !int.TryParse(resolver[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535)
        {
            throw new ArgumentException($"The DNS resolver '{resolver}' is not 'system' or host:port (e.g. 127.0.0.1:5353).", nameof(resolver));
        }

        IPAddress[] addresses;
        try
        {
            addresses = Dns.GetHostAddresses(host);
        }
        catch (System.Net.Sockets.SocketException e)
        {
            throw new ArgumentException($"The DNS resolver host '{host}' cannot be resolved: {e.Message}", nameof(resolver), e);
        }

        if (addresses.Length == 0)
        {
            throw new ArgumentException($"The DNS resolver host '{host}' has no address.", nameof(resolver));
        }

        return new IPEndPoint(addresses[0], port);
    }
}
