using System.Net;
using System.Net.Sockets;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;
using MailFromConsole.Core.Diagnosis;

namespace MailFromConsole.Core.Tests.Dns;

/// <summary>
/// An authoritative DNS server for one or more zones on 127.0.0.1 (UDP and TCP on the same free port), built on ARSoft.Tools.Net.
/// Each test writes its own records. Answers like a real authoritative server: CNAME at a name, NODATA and NXDOMAIN with the
/// zone's SOA in the authority section, REFUSED outside the zone; long answers are truncated over UDP so clients retry on TCP.
/// </summary>
public sealed class LoopbackDnsServer : IDisposable
{
    private const int Ttl = 300;
    private const int TransportTimeoutMs = 5_000;
    private const int BindAttempts = 5;

    private readonly DnsServer _server;
    private readonly IReadOnlyList<SoaRecord> _zones;
    private readonly object _gate = new();
    private readonly List<DnsRecordBase> _records = [];
    private readonly List<Exception> _serverErrors = [];
    private readonly Dictionary<DomainName, ReturnCode> _failures = [];
    private int _tcpQueries;

    private LoopbackDnsServer(DnsServer server, IEnumerable<DomainName> apexes, int port)
    {
        _server = server;
        Port = port;
        _zones = apexes.Select(apex => new SoaRecord(apex, Ttl, DomainName.Parse("ns1." + apex), DomainName.Parse("hostmaster." + apex), 1, 3600, 600, 86400, 60)).ToList();
        _server.QueryReceived += OnQueryReceivedAsync;
        _server.ExceptionThrown += (_, e) =>
        {
            lock (_gate)
            {
                _serverErrors.Add(e.Exception);
            }

            return Task.CompletedTask;
        };
    }

    public int Port { get; }

    /// <summary>How many questions arrived over TCP (clients switch to TCP after a truncated UDP answer).</summary>
    public int TcpQueries => Volatile.Read(ref _tcpQueries);

    /// <summary>The resolver setting for <c>DnsResolverOptions.Resolver</c>.</summary>
    public string Resolver => $"127.0.0.1:{Port}";

    /// <summary>
    /// Resolver options that ask this server. The timeout is generous: on a loaded CI machine an answer on loopback
    /// (a long one retried over TCP above all) can take seconds, and the tests using this are about what the answers
    /// say, not how fast they come; the timeout tests set their own.
    /// </summary>
    public DnsResolverOptions ResolverOptions => new() { Resolver = Resolver, Timeout = TimeSpan.FromSeconds(15) };

    /// <summary>Exceptions the server raised while answering (a test can assert none happened).</summary>
    public IReadOnlyList<Exception> ServerErrors
    {
        get
        {
            lock (_gate)
            {
                return _serverErrors.ToList();
            }
        }
    }

    /// <param name="moreZones">Further zones the same server is authoritative for (e.g. an SPF include's domain).</param>
    public static LoopbackDnsServer Start(string zoneApex, params string[] moreZones)
    {
        var apexes = moreZones.Prepend(zoneApex).Select(DomainName.Parse).ToList();
        SocketException? last = null;
        for (var attempt = 0; attempt < BindAttempts; attempt++)
        {
            // ARSoft's transports do not report the port they bound, and UDP and TCP must share one port,
            // so reserve a port free for both, release it and bind the server to it. Another process can
            // take it in between only by chance; that is what the few attempts are for.
            var port = FindPortFreeForUdpAndTcp();
            var endPoint = new IPEndPoint(IPAddress.Loopback, port);
            var server = new DnsServer(
                [new UdpServerTransport(endPoint, TransportTimeoutMs), new TcpServerTransport(endPoint, TransportTimeoutMs, TransportTimeoutMs)]);
            var instance = new LoopbackDnsServer(server, apexes, port);
            try
            {
                server.Start();
                return instance;
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                last = e;
                server.Stop();
            }
        }

        throw new InvalidOperationException("No free loopback port for the test DNS server.", last);
    }

    public LoopbackDnsServer AddMx(string name, ushort preference, string exchange) =>
        Add(new MxRecord(DomainName.Parse(name), Ttl, preference, DomainName.Parse(exchange)));

    /// <summary>A TXT record of one or more character-strings.</summary>
    public LoopbackDnsServer AddTxt(string name, params string[] characterStrings)
    {
        // A character-string has a one-byte length: longer test data would be silently corrupted on the wire.
        if (characterStrings.Any(s => System.Text.Encoding.UTF8.GetByteCount(s) > 255))
        {
            throw new ArgumentException("Each TXT character-string can hold at most 255 bytes; pass the value split.", nameof(characterStrings));
        }

        return Add(new TxtRecord(DomainName.Parse(name), Ttl, characterStrings));
    }

    public LoopbackDnsServer AddA(string name, string address) =>
        Add(new ARecord(DomainName.Parse(name), Ttl, IPAddress.Parse(address)));

    public LoopbackDnsServer AddCname(string name, string target) =>
        Add(new CNameRecord(DomainName.Parse(name), Ttl, DomainName.Parse(target)));

    /// <summary>Every question about <paramref name="name"/> gets <paramref name="code"/> (e.g. SERVFAIL of a broken zone).</summary>
    public LoopbackDnsServer FailWith(string name, ReturnCode code)
    {
        lock (_gate)
        {
            _failures[DomainName.Parse(name)] = code;
        }

        return this;
    }

    public void Dispose()
    {
        try
        {
            _server.Stop();
        }
        catch (AggregateException e) when (e.Flatten().InnerExceptions.All(inner => inner is OperationCanceledException))
        {
            // Stop() cancels the server's own accept loops and rethrows their cancellation; nothing failed.
        }
    }

    private LoopbackDnsServer Add(DnsRecordBase record)
    {
        lock (_gate)
        {
            _records.Add(record);
        }

        return this;
    }

    private Task OnQueryReceivedAsync(object sender, QueryReceivedEventArgs e)
    {
        if (e.Query is not DnsMessage query)
        {
            return Task.CompletedTask;
        }

        if (e.TransportProtocol == TransportProtocol.Tcp)
        {
            Interlocked.Increment(ref _tcpQueries);
        }

        var response = query.CreateResponseInstance();
        response.IsAuthoritiveAnswer = true;
        response.IsRecursionAllowed = false;
        if (query.Questions.Count != 1)
        {
            response.ReturnCode = ReturnCode.FormatError;
            e.Response = response;
            return Task.CompletedTask;
        }

        Answer(query.Questions[0], response);
        e.Response = response;
        return Task.CompletedTask;
    }

    private void Answer(DnsQuestion question, DnsMessage response)
    {
        // The most specific zone holding the name answers, as with delegated zones on one server.
        var soa = _zones.Where(z => question.Name.IsEqualOrSubDomainOf(z.Name)).MaxBy(z => z.Name.LabelCount);
        if (soa is null)
        {
            response.ReturnCode = ReturnCode.Refused;
            return;
        }

        List<DnsRecordBase> atName;
        bool nameExists;
        lock (_gate)
        {
            if (_failures.TryGetValue(question.Name, out var failure))
            {
                response.ReturnCode = failure;
                return;
            }

            atName = _records.Where(r => r.Name.Equals(question.Name, false)).ToList();
            nameExists = question.Name.Equals(soa.Name, false) || _records.Any(r => r.Name.IsEqualOrSubDomainOf(question.Name));
        }

        if (question.RecordType == RecordType.Soa && question.Name.Equals(soa.Name, false))
        {
            response.AnswerRecords.Add(soa);
            return;
        }

        var alias = atName.OfType<CNameRecord>().FirstOrDefault();
        if (alias is not null && question.RecordType != RecordType.CName)
        {
            // An authoritative server follows the alias inside its own zone.
            response.AnswerRecords.Add(alias);
            lock (_gate)
            {
                response.AnswerRecords.AddRange(_records.Where(r => r.Name.Equals(alias.CanonicalName, false) && r.RecordType == question.RecordType));
            }

            return;
        }

        var answers = atName.Where(r => r.RecordType == question.RecordType).ToList();
        if (answers.Count > 0)
        {
            response.AnswerRecords.AddRange(answers);
            return;
        }

        // NODATA (name exists, no records of this type) or NXDOMAIN: both carry the SOA for negative caching.
        response.ReturnCode = nameExists ? ReturnCode.NoError : ReturnCode.NxDomain;
        response.AuthorityRecords.Add(soa);
    }

    private static int FindPortFreeForUdpAndTcp()
    {
        for (var attempt = 0; attempt < BindAttempts; attempt++)
        {
            using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)udp.LocalEndPoint!).Port;
            using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                tcp.Bind(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                // That port is taken for TCP only; ask the system for another one.
            }
        }

        throw new InvalidOperationException("No loopback port free for both UDP and TCP.");
    }
}
