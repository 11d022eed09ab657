using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using MailFromConsole.Web.Features.Audit;
using MailFromConsole.Web.Infrastructure.Auth;
using MailFromConsole.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MailFromConsole.Web.Tests.Infrastructure.Auth;

/// <summary>
/// A real Kestrel host on a loopback port with the console's auth exactly as Program.cs wires it, the audit log and
/// its exports, plus a few endpoints that stand for the console's pages and actions.
/// </summary>
public sealed partial class AuthTestHost : IAsyncDisposable
{
    public const string ViewerPassword = "viewer-password-1";
    public const string OperatorPassword = "operator-password-1";

    private static readonly Lazy<string> ViewerHash = new(() => ConsolePasswordHasher.Hash(ViewerPassword));
    private static readonly Lazy<string> OperatorHash = new(() => ConsolePasswordHasher.Hash(OperatorPassword));

    private readonly WebApplication _app;

    private AuthTestHost(WebApplication app, Uri baseAddress, CapturedLog log)
    {
        _app = app;
        BaseAddress = baseAddress;
        Log = log;
    }

    public Uri BaseAddress { get; }

    public CapturedLog Log { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>Config with a Viewer "vera" and an Operator "otto", as browser tests seed theirs.</summary>
    public static Dictionary<string, string?> SeededUsers(string dataFolder) => new()
    {
        ["Auth:DataFolder"] = dataFolder,
        ["Auth:Users:0:Name"] = "vera",
        ["Auth:Users:0:Role"] = "Viewer",
        ["Auth:Users:0:PasswordHash"] = ViewerHash.Value,
        ["Auth:Users:1:Name"] = "otto",
        ["Auth:Users:1:Role"] = "Operator",
        ["Auth:Users:1:PasswordHash"] = OperatorHash.Value,
    };

    /// <param name="time">The clock of the sign-in limits and sessions; the system clock unless a test drives it.</param>
    /// <param name="withLocalAws">Start the embedded local AWS (settings under <c>LocalAws</c>) and serve its pages as the console does.</param>
    /// <param name="services">More registrations, for a feature's endpoints (<paramref name="endpoints"/>) behind the real sign-in.</param>
    public static async Task<AuthTestHost> StartAsync(IDictionary<string, string?> settings, TimeProvider? time = null, bool withLocalAws = false,
        Action<IServiceCollection>? services = null, Action<WebApplication>? endpoints = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Test" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(settings);
        var log = new CapturedLog();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(log);
        builder.Services.AddRazorComponents();
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }
        builder.Services.AddConsoleAuth(builder.Configuration);
        builder.Services.AddAuditLog(builder.Configuration);
        builder.LimitRequestBodies();
        services?.Invoke(builder.Services);
        if (withLocalAws)
        {
            await builder.StartLocalAwsIfConfiguredAsync();
        }

        var app = builder.Build();
        app.UseRequestSizeLimit();
        app.UseConsoleAuth();
        app.MapAuditExport();
        app.MapLocalPages();
        endpoints?.Invoke(app);
        // Stand-ins for the console: pages behind the fallback policy, one Operator page, one action guarded in code.
        app.MapGet("/", (ICurrentUser user) => $"Console for {user.Name} ({user.Role})");
        app.MapGet("/identities", (ICurrentUser user) => $"Identities for {user.Name}");
        app.MapGet("/publish", () => "Publish page").RequireAuthorization(ConsolePolicies.Operator);
        app.MapGet("/change", (IRoleGuard guard) =>
        {
            try
            {
                guard.Require(ConsoleRole.Operator);
                return Results.Text("changed");
            }
            catch (NotAuthorizedException refused)
            {
                return Results.Text(refused.Message, statusCode: StatusCodes.Status403Forbidden);
            }
        });
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new AuthTestHost(app, new Uri(address), log);
    }

    /// <summary>A browser-like client: keeps cookies, does not follow redirects (tests look at them).</summary>
    public Client NewClient() => new(BaseAddress);

    /// <summary>The same from another loopback address (127.0.0.0/8 is all loopback), as a second computer would come.</summary>
    public Client NewClientFrom(IPAddress localAddress) => new(BaseAddress, localAddress);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Log.Dispose();
    }

    public sealed class Client : IDisposable
    {
        private readonly HttpClient _http;

        public Client(Uri baseAddress, IPAddress? localAddress = null)
        {
            Cookies = new CookieContainer();
            var handler = new SocketsHttpHandler { CookieContainer = Cookies, AllowAutoRedirect = false, UseCookies = true };
            if (localAddress is not null)
            {
                handler.ConnectCallback = async (context, cancellationToken) =>
                {
                    var socket = new Socket(localAddress.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                    try
                    {
                        socket.Bind(new IPEndPoint(localAddress, 0));
                        await socket.ConnectAsync(IPAddress.Parse(context.DnsEndPoint.Host), context.DnsEndPoint.Port, cancellationToken);
                        return new NetworkStream(socket, ownsSocket: true);
                    }
                    catch
                    {
                        socket.Dispose();
                        throw;
                    }
                };
            }
            _http = new HttpClient(handler) { BaseAddress = baseAddress };
        }

        public CookieContainer Cookies { get; }

        public bool HasAuthCookie => Cookies.GetCookies(_http.BaseAddress!).Any(c => c.Name == "MailFromConsole.Auth");

        public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(path);

        public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => _http.SendAsync(request);

        /// <summary>
        /// Opens the form page, then posts the form with its antiforgery field, as a browser would; <paramref name="fields"/>
        /// replace hidden fields of the same name and may repeat a name.
        /// </summary>
        public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, IEnumerable<KeyValuePair<string, string>> fields)
        {
            using var page = await _http.GetAsync(formPage);
            var html = await page.Content.ReadAsStringAsync();
            var given = fields.ToList();
            var form = HiddenFields(html).Where(hidden => given.All(field => field.Key != hidden.Key)).Concat(given);
            return await _http.PostAsync(action, new FormUrlEncodedContent(form));
        }

        public Task<HttpResponseMessage> PostRawAsync(string action, IDictionary<string, string> fields) =>
            _http.PostAsync(action, new FormUrlEncodedContent(fields));

        public Task<HttpResponseMessage> SignInAsync(string userName, string password, string returnUrl = "/") =>
            PostFormAsync($"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}", "/account/login",
                new Dictionary<string, string> { ["userName"] = userName, ["password"] = password });

        public void Dispose() => _http.Dispose();
    }

    public static Dictionary<string, string> HiddenFields(string html) => HiddenInput().Matches(html)
        .ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>[^\"]+)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenInput();
}
