using System.Net;
using System.Net.Sockets;

namespace MailFromConsole.Core.Tests.Dns;

/// <summary>A UDP socket on loopback that receives DNS questions and never answers: a name server that times out.</summary>
public sealed class SilentUdpServer : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);

    public SilentUdpServer() => _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));

    public string Resolver => $"127.0.0.1:{((IPEndPoint)_socket.LocalEndPoint!).Port}";

    public void Dispose() => _socket.Dispose();
}
