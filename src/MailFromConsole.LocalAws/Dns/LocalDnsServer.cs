using System.Net;
using System.Net.Sockets;
using ARSoft.Tools.Net.Dns;
using Microsoft.Extensions.Logging;

namespace MailFromConsole.LocalAws.Dns;

/// <summary>
/// Authoritative DNS on loopback (UDP and TCP on the same port) for every zone in <see cref="IZoneData"/>:
/// this account's Route 53 hosted zones and the outside zones. No caching: each query reads the zone data.
/// </summary>
public sealed class LocalDnsServer(IZoneData zones, ILogger<LocalDnsServer> logger) : IAsyncDisposable
{
    private const int TransportTimeoutMs = 5000;
    private const int TcpKeepAliveMs = 10000;
    private const int BindAttempts = 20;

    private readonly ZoneAnswerer _answerer = new(zones, logger);
    private DnsServer? _server;
    private IServerTransport[] _transports = [];
    private IPEndPoint? _endpoint;

    public bool IsRunning => _server is not null;

    /// <summary>Where the server listens (UDP and TCP); the actual port when started on port 0.</summary>
    public IPEndPoint Endpoint => _endpoint ?? throw new InvalidOperationException("The local DNS server has not been started.");

    /// <summary>Binds UDP and TCP on <paramref name="bind"/> (loopback only; port 0 picks a free port shared by both).</summary>
    public Task StartAsync(IPEndPoint bind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bind);
        if (!IPAddress.IsLoopback(bind.Address))
        {
            throw new ArgumentException($"The local DNS server binds to loopback only, not {bind.Address}.", nameof(bind));
        }

        if (_server is not null)
        {
            throw new InvalidOperationException("The local DNS server is already started.");
        }

        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var endpoint = bind.Port != 0 ? bind : new IPEndPoint(bind.Address, FreeTcpPort(bind.Address));
            var udp = new UdpServerTransport(endpoint, TransportTimeoutMs);
            var tcp = new TcpServerTransport(endpoint, TransportTimeoutMs, TcpKeepAliveMs);
            var server = new DnsServer(udp, tcp);
            server.QueryReceived += OnQueryReceivedAsync; // before Start, so no early query meets an unanswered server
            server.ExceptionThrown += OnExceptionThrownAsync;
            try
            {
                server.Start();
            }
            catch (SocketException ex) when (bind.Port == 0 && ex.SocketErrorCode == SocketError.AddressAlreadyInUse && attempt < BindAttempts)
            {
                // The free port was taken between probing and binding (or its UDP twin was busy): try another.
                logger.LogDebug("Local DNS port {Port} was busy, trying another", endpoint.Port);
                udp.Dispose();
                tcp.Dispose();
                continue;
            }
            catch
            {
                udp.Dispose();
                tcp.Dispose();
                throw;
            }

            _server = server;
            _transports = [udp, tcp];
            _endpoint = endpoint;
            logger.LogInformation("Local DNS listening on {Endpoint} (UDP and TCP)", endpoint);
            return Task.CompletedTask;
        }
    }

    public ValueTask DisposeAsync()
    {
        if (_server is { } server)
        {
            _server = null;
            server.QueryReceived -= OnQueryReceivedAsync;
            try
            {
                server.Stop();
            }
            catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is TaskCanceledException))
            {
                // Stopped before the library's accept loops had begun: their start was cancelled, which is the stop we asked for.
                logger.LogDebug("Local DNS stopped before its listeners began");
            }
            finally
            {
                // Stop skips closing the sockets when it throws; closing twice is harmless.
                foreach (var transport in _transports)
                {
                    transport.Dispose();
                }
            }
        }

        return ValueTask.CompletedTask;
    }

    private static int FreeTcpPort(IPAddress address)
    {
        using var probe = new TcpListener(address, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private Task OnQueryReceivedAsync(object sender, QueryReceivedEventArgs e)
    {
        if (e.Query is not DnsMessage query)
        {
            return Task.CompletedTask;
        }

        try
        {
            var response = _answerer.Answer(query);
            logger.LogDebug("Local DNS {Question} over {Transport}: {Code}, {Answers} answers", query.Questions.FirstOrDefault(), e.TransportProtocol, response.ReturnCode, response.AnswerRecords.Count);
            e.Response = response;
        }
        catch (Exception ex)
        {
            // A failing store must give the client SERVFAIL (the resolver's "try later"), not silence.
            logger.LogError(ex, "Local DNS could not answer {Question}", query.Questions.FirstOrDefault());
            var failure = query.CreateResponseInstance();
            failure.ReturnCode = ReturnCode.ServerFailure;
            e.Response = failure;
        }

        return Task.CompletedTask;
    }

    private Task OnExceptionThrownAsync(object sender, ExceptionEventArgs e)
    {
        logger.LogWarning(e.Exception, "Local DNS transport error");
        return Task.CompletedTask;
    }
}
