using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using MailFromConsole.LocalAws.Local;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace MailFromConsole.LocalAws.Tests.Support;

/// <summary>
/// A real local AWS server on a loopback port over a temp data folder, plus a signed HTTP client for it.
/// One per test: each test gets fresh seeded state.
/// </summary>
internal sealed class LocalAwsFixture : IAsyncDisposable
{
    private static readonly HttpClient Http = new();

    private LocalAwsFixture(LocalAwsServer server, string folder, LocalAwsOptions options, FakeTimeProvider? time)
    {
        Server = server;
        Folder = folder;
        Options = options;
        Time = time;
    }

    public LocalAwsServer Server { get; private set; }

    public string Folder { get; }

    public LocalAwsOptions Options { get; }

    /// <summary>The fake clock when the test asked for one.</summary>
    public FakeTimeProvider? Time { get; }

    public Uri Endpoint => Server.HttpEndpoint;

    public static async Task<LocalAwsFixture> StartAsync(Action<LocalAwsOptions>? configure = null, FakeTimeProvider? time = null, string? folder = null)
    {
        folder ??= Path.Combine(Path.GetTempPath(), "localaws-tests-" + Guid.NewGuid().ToString("N"));
        var options = new LocalAwsOptions { DataFolder = folder, EnforceRateLimits = false, EnableDnsAndDetection = false, ChangePropagationDelay = TimeSpan.FromSeconds(60), PagesOnOwnPort = true };
        configure?.Invoke(options);
        try
        {
            var server = await LocalAwsServer.StartAsync(options, NullLoggerFactory.Instance, (TimeProvider?)time ?? TimeProvider.System, CancellationToken.None);
            return new LocalAwsFixture(server, folder, options, time);
        }
        catch
        {
            // A start that fails (the test may expect it) leaves no temp folder behind.
            SqliteConnection.ClearAllPools();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            throw;
        }
    }

    /// <summary>Stops the server and starts a new one on the same data folder (a restart).</summary>
    public async Task RestartAsync()
    {
        await Server.DisposeAsync();
        Server = await LocalAwsServer.StartAsync(Options, NullLoggerFactory.Instance, (TimeProvider?)Time ?? TimeProvider.System, CancellationToken.None);
    }

    /// <summary>Runs one MX-detection pass now (the worker's own timer runs on the fake clock and stays idle).</summary>
    public Task DetectionPassAsync() =>
        (Server.DetectionWorker ?? throw new InvalidOperationException("Start the fixture with EnableDnsAndDetection.")).RunOnceAsync(CancellationToken.None);

    public Task<AwsAnswer> SesAsync(string action, params (string Name, string Value)[] parameters) =>
        SesInRegionAsync("us-east-1", action, parameters);

    public Task<AwsAnswer> SesInRegionAsync(string region, string action, params (string Name, string Value)[] parameters) =>
        SesSignedAsync(region, "test", "test", action, parameters);

    public Task<AwsAnswer> SesSignedAsync(string region, string accessKey, string secret, string action, params (string Name, string Value)[] parameters) =>
        SesSignedAsync(new Signing(accessKey, secret, Region: region), action, parameters);

    public Task<AwsAnswer> SesSignedAsync(Signing signing, string action, params (string Name, string Value)[] parameters) =>
        SendOnceAsync(signing, "ses", "2010-12-01", action, parameters);

    public Task<AwsAnswer> StsAsync(string action, params (string Name, string Value)[] parameters) =>
        StsSignedAsync(Signing.Default, action, parameters);

    public Task<AwsAnswer> StsSignedAsync(Signing signing, string action, params (string Name, string Value)[] parameters) =>
        SendOnceAsync(signing, "sts", "2011-06-15", action, parameters);

    /// <summary>
    /// Signs one Query request (SES or STS form POST) once and returns a sender of exactly that request, so a test
    /// can send the same signed bytes again later (a replay).
    /// </summary>
    public async Task<Func<Task<AwsAnswer>>> SignedOnceAsync(Signing signing, string service, string version, string action, params (string Name, string Value)[] parameters)
    {
        var form = new List<KeyValuePair<string, string>> { new("Action", action), new("Version", version) };
        form.AddRange(parameters.Select(p => new KeyValuePair<string, string>(p.Name, p.Value)));
        var body = await new FormUrlEncodedContent(form).ReadAsByteArrayAsync();
        using var signed = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new ByteArrayContent(body) };
        signed.Content.Headers.ContentType = new("application/x-www-form-urlencoded") { CharSet = "utf-8" };
        Sign(signed, body, signing, service);
        var headers = signed.Headers.Select(h => (h.Key, Value: string.Join(",", h.Value))).ToList();
        return async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new("application/x-www-form-urlencoded") { CharSet = "utf-8" };
            foreach (var (name, value) in headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            return await SendAsync(request);
        };
    }

    private async Task<AwsAnswer> SendOnceAsync(Signing signing, string service, string version, string action, (string Name, string Value)[] parameters)
    {
        var send = await SignedOnceAsync(signing, service, version, action, parameters);
        return await send();
    }

    public Task<AwsAnswer> Route53Async(HttpMethod method, string pathAndQuery, XDocument? body = null) =>
        Route53SignedAsync(method, pathAndQuery, body, "test", "test");

    public Task<AwsAnswer> Route53SignedAsync(HttpMethod method, string pathAndQuery, XDocument? body, string accessKey, string secret) =>
        Route53SignedAsync(new Signing(accessKey, secret), method, pathAndQuery, body);

    public async Task<AwsAnswer> Route53SignedAsync(Signing signing, HttpMethod method, string pathAndQuery, XDocument? body = null)
    {
        var bytes = body is null ? [] : Encoding.UTF8.GetBytes(body.ToString(SaveOptions.DisableFormatting));
        using var request = new HttpRequestMessage(method, new Uri(Endpoint, pathAndQuery));
        if (body is not null)
        {
            request.Content = new ByteArrayContent(bytes);
            request.Content.Headers.ContentType = new("text/xml");
        }

        Sign(request, bytes, signing, "route53");
        return await SendAsync(request);
    }

    /// <summary>A signed SES API v2 request; <paramref name="json"/> is sent verbatim (so tests can send any escapes).</summary>
    public Task<JsonAnswer> SesV2Async(HttpMethod method, string pathAndQuery, string? json = null) =>
        SesV2InRegionAsync("us-east-1", method, pathAndQuery, json);

    public async Task<JsonAnswer> SesV2InRegionAsync(string region, HttpMethod method, string pathAndQuery, string? json = null)
    {
        var bytes = json is null ? [] : Encoding.UTF8.GetBytes(json);
        var request = new HttpRequestMessage(method, new Uri(Endpoint, pathAndQuery));
        if (json is not null)
        {
            request.Content = new ByteArrayContent(bytes);
            request.Content.Headers.ContentType = new("application/json");
        }

        TestSigner.Sign(request, bytes, region, "ses", "test", "test", DateTimeOffset.UtcNow);
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var errorType = response.Headers.TryGetValues("x-amzn-ErrorType", out var values) ? values.Single() : null;
        return new JsonAnswer(response.StatusCode, errorType, JsonNode.Parse(text)!.AsObject());
    }

    public Task<HttpResponseMessage> GetAsync(string pathAndQuery) => Http.GetAsync(new Uri(Endpoint, pathAndQuery));

    /// <summary>A local JSON API call as a script makes it (with the local API header).</summary>
    public Task<HttpResponseMessage> PostJsonAsync(string path, string json) =>
        Http.SendAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(Endpoint, path))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
            Headers = { { LocalApiGuard.Header, "1" } },
        });

    private void Sign(HttpRequestMessage request, byte[] body, Signing signing, string service) =>
        TestSigner.Sign(request, body, signing.Region, signing.Service ?? service, signing.AccessKey, signing.Secret,
            signing.At ?? Time?.GetUtcNow() ?? DateTimeOffset.UtcNow, signing.SessionToken);

    private static async Task<AwsAnswer> SendAsync(HttpRequestMessage request)
    {
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new AwsAnswer(response.StatusCode, XDocument.Parse(text), text, response.Headers.Location?.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
