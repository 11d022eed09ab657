using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using MailFromConsole.Core.View;
using MailFromConsole.Web.Features.View;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MailFromConsole.Web.Tests.Features.View;

public sealed class DriftWebhookTests
{
    private static readonly HistoryEntry Drift = new("us-east-1", "example.com", new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero), HistoryKind.Dns, "MX record of mail.example.com is gone", IsDrift: true);

    [Fact]
    public async Task DriftIsPostedAsJsonWithASlackCompatibleTextField()
    {
        var port = FreePort();
        using var listener = new HttpListener { Prefixes = { $"http://127.0.0.1:{port}/hook/" } };
        listener.Start();
        var received = listener.GetContextAsync();
        await using var services = WebhookServices(new Uri($"http://127.0.0.1:{port}/hook/"));

        var post = services.GetRequiredService<DriftWebhook>().PostAsync(Drift, CancellationToken.None);
        var context = await received;
        using var body = await JsonDocument.ParseAsync(context.Request.InputStream);
        context.Response.StatusCode = 200;
        context.Response.Close();
        await post;

        Assert.Equal("POST", context.Request.HttpMethod);
        Assert.Equal("application/json", context.Request.ContentType?.Split(';')[0]);
        Assert.Equal("MAIL FROM drift in us-east-1: example.com: MX record of mail.example.com is gone", body.RootElement.GetProperty("text").GetString());
        Assert.Equal("example.com", body.RootElement.GetProperty("identity").GetString());
    }

    [Fact]
    public async Task AReceiverThatIsDownDoesNotStopTheSweep()
    {
        await using var services = WebhookServices(new Uri($"http://127.0.0.1:{FreePort()}/hook/"));

        await services.GetRequiredService<DriftWebhook>().PostAsync(Drift, CancellationToken.None);
    }

    private static ServiceProvider WebhookServices(Uri url)
    {
        var services = new ServiceCollection().AddLogging();
        services.AddHttpClient<DriftWebhook>();
        services.Configure<ViewOptions>(o => o.DriftWebhookUrl = url);
        return services.BuildServiceProvider();
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
