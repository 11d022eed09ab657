using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MailFromConsole.Aws.Tests.Infrastructure;

/// <summary>A real HTTP listener (Kestrel on 127.0.0.1, port 0) that records every request and answers with what the test says.</summary>
public sealed class LoopbackAwsServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private LoopbackAwsServer(WebApplication app) => _app = app;

    public Uri Url { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<LoopbackAwsServer> StartAsync(Func<RecordedRequest, CannedResponse> respond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new LoopbackAwsServer(app);
        app.Run(async context =>
        {
            var recorded = await RecordAsync(context);
            server._requests.Enqueue(recorded);
            var response = respond(recorded);
            if (response == CannedResponse.Lost)
            {
                context.Abort();
                return;
            }
            context.Response.StatusCode = response.StatusCode;
            context.Response.ContentType = response.ContentType;
            context.Response.Headers["x-amzn-RequestId"] = "header-request-id";
            await context.Response.WriteAsync(response.Body, Encoding.UTF8);
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server.Url = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal) + "/");
        return server;
    }

    private static async Task<RecordedRequest> RecordAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var query = context.Request.Query.SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? ""))).ToList();
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        return new RecordedRequest(context.Request.Method, rawTarget, context.Request.Path.Value ?? "", query, headers, body, DateTimeOffset.UtcNow);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
