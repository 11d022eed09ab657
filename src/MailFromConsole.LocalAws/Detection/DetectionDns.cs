using System.Net;
using System.Net.Sockets;
using DnsClient;
using DnsClient.Protocol;
using Microsoft.Extensions.Logging;

namespace MailFromConsole.LocalAws.Detection;

/// <summary>The worker's resolver: no cache (a change must be seen on the next pass), one try, short timeout.</summary>
internal sealed class DetectionDns(IPEndPoint endpoint, TimeSpan timeout, ILogger logger)
{
    private readonly LookupClient _client = new(new LookupClientOptions(endpoint)
    {
        UseCache = false,
        Retries = 0,
        Timeout = timeout,
        UseTcpFallback = true,
        ThrowDnsErrors = false,
        ContinueOnDnsError = false,
        ContinueOnEmptyResponse = false,
    });

    public async Task<MxObservation> MxAsync(string domain, CancellationToken cancellationToken)
    {
        var response = await QueryAsync(domain, QueryType.MX, cancellationToken);
        return response is null
            ? MxObservation.Timeout
            : new MxObservation(false, [.. response.Answers.MxRecords().Select(mx => mx.Exchange.Value)]);
    }

    public async Task<TxtObservation> TxtAsync(string name, CancellationToken cancellationToken)
    {
        var response = await QueryAsync(name, QueryType.TXT, cancellationToken);
        return response is null
            ? TxtObservation.Timeout
            : new TxtObservation(false, [.. response.Answers.TxtRecords().Select(txt => string.Concat(txt.Text))]);
    }

    public async Task<CnameObservation> CnameAsync(string name, CancellationToken cancellationToken)
    {
        var response = await QueryAsync(name, QueryType.CNAME, cancellationToken);
        return response is null
            ? CnameObservation.Timeout
            : new CnameObservation(false, [.. response.Answers.CnameRecords().Select(c => c.CanonicalName.Value)]);
    }

    /// <returns>The response, or null when DNS gave no usable answer (timeout, SERVFAIL, network error).</returns>
    private async Task<IDnsQueryResponse?> QueryAsync(string name, QueryType type, CancellationToken cancellationToken)
    {
        try
        {
            var response = await _client.QueryAsync(name, type, QueryClass.IN, cancellationToken);
            if (response.Header.ResponseCode == DnsHeaderResponseCode.ServerFailure)
            {
                logger.LogInformation("Detection DNS: SERVFAIL for {Name} {Type}", name, type);
                return null;
            }

            return response;
        }
        catch (Exception ex) when (ex is DnsResponseException or SocketException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("Detection DNS: no answer for {Name} {Type}: {Reason}", name, type, ex.Message);
            return null;
        }
    }
}
