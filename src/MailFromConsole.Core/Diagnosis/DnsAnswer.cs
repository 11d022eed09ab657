using DnsClient;

namespace MailFromConsole.Core.Diagnosis;

/// <summary>What DNS said to one question: the response, NXDOMAIN, a timeout, or an error named in plain words.</summary>
internal sealed record DnsAnswer(QueryType Type, IDnsQueryResponse? Response, bool NameDoesNotExist, bool TimedOut, string? Error)
{
    /// <summary>True when DNS answered (NOERROR or NXDOMAIN), so the absence of records means something.</summary>
    public bool Answered => Response is not null;

    /// <summary>Asks <paramref name="client"/>; a DNS failure becomes an answer, only the caller's cancellation throws.</summary>
    public static async Task<DnsAnswer> AskAsync(LookupClient client, string name, QueryType type, CancellationToken cancellationToken)
    {
        try
        {
            var response = await client.QueryAsync(name, type, QueryClass.IN, cancellationToken).ConfigureAwait(false);
            var code = response.Header.ResponseCode;
            return code switch
            {
                DnsHeaderResponseCode.NoError => new DnsAnswer(type, response, false, false, null),
                DnsHeaderResponseCode.NotExistentDomain => new DnsAnswer(type, response, true, false, null),
                _ => new DnsAnswer(type, null, false, false, code.ToString()),
            };
        }
        catch (Exception e) when (e is DnsResponseException or System.Net.Sockets.SocketException or TimeoutException)
        {
            // DnsClient reports the caller's cancellation as a DNS error too: that is a cancellation, not an answer.
            cancellationToken.ThrowIfCancellationRequested();
            return e is TimeoutException || e is DnsResponseException { Code: DnsResponseCode.ConnectionTimeout }
                ? new DnsAnswer(type, null, false, true, null)
                : new DnsAnswer(type, null, false, false, e.Message);
        }
    }
}
