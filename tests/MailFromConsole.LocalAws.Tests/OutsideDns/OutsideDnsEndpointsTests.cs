using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DnsClient;
using MailFromConsole.LocalAws.Local;
using MailFromConsole.LocalAws.OutsideDns;
using MailFromConsole.LocalAws.Tests.Dns;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MailFromConsole.LocalAws.Tests.OutsideDns;

public sealed partial class OutsideDnsEndpointsTests : IAsyncLifetime
{
    private readonly TempDatabase _database = new();
    private WebApplication _app = null!;
    private HttpClient _http = null!;

    private OutsideZoneStore Store => _app.Services.GetRequiredService<OutsideZoneStore>();

    public async Task InitializeAsync()
    {
        _app = await StartAppAsync(services => services.AddOutsideDns(_database.Path));
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(_app.Urls.First()), DefaultRequestHeaders = { { LocalApiGuard.Header, "1" } } };
    }

    private static async Task<WebApplication> StartAppAsync(Action<IServiceCollection> configure)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        configure(builder.Services);
        var app = builder.Build();
        app.MapOutsideDns();
        await app.StartAsync();
        return app;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _app.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task PageListsZonesAndRecordsWithEveryValueHtmlEncoded()
    {
        Store.AddZone("example.net");
        Store.AddRecord("example.net", "mail", "TXT", "<script>alert('x')</script> & \"quotes\"");

        var html = await _http.GetStringAsync("/_local/outside-dns");

        Assert.Contains("<h2>example.net.</h2>", html);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;", html);
        Assert.DoesNotContain("<script>", html);
    }

    [Fact]
    public async Task PageTellsWhereTheLocalDnsServerListensWhenItRuns()
    {
        Store.AddZone("example.net");
        await using var dns = await LocalDns.StartAsync(Store);
        await using var app = await StartAppAsync(services => services.AddOutsideDns(Store).AddSingleton(dns));
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };

        var html = await http.GetStringAsync("/_local/outside-dns");

        Assert.Contains($"dig @127.0.0.1 -p {dns.Endpoint.Port} example.net. MX", html);
    }

    [Fact]
    public async Task FormAddsARecordThatTheLocalDnsServesAtOnce()
    {
        Store.AddZone("example.net");
        await using var dns = await LocalDns.StartAsync(Store);
        var token = await AntiforgeryTokenAsync();

        var response = await _http.PostAsync("/_local/outside-dns/records", Form(token, ("zone", "example.net."), ("name", "mail"), ("type", "MX"), ("ttl", "300"), ("value", "10 feedback-smtp.us-east-1.amazonses.com")));
        var answer = await LocalDns.Client(dns.Endpoint).QueryAsync("mail.example.net", QueryType.MX);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("/_local/outside-dns", response.Headers.Location?.OriginalString);
        Assert.Equal("feedback-smtp.us-east-1.amazonses.com.", Assert.Single(answer.Answers.MxRecords()).Exchange.Value);
    }

    [Fact]
    public async Task FormWithABadValueShowsTheReasonAndKeepsWhatWasTyped()
    {
        Store.AddZone("example.net");
        var token = await AntiforgeryTokenAsync();

        var response = await _http.PostAsync("/_local/outside-dns/records", Form(token, ("zone", "example.net."), ("name", "mail"), ("type", "MX"), ("ttl", "300"), ("value", "feedback-smtp.us-east-1.amazonses.com \"><b>")));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("role=\"alert\"", html);
        Assert.Contains("An MX value is a priority and a host", html);
        Assert.Contains("value=\"feedback-smtp.us-east-1.amazonses.com &quot;&gt;&lt;b&gt;\"", html);
        Assert.DoesNotContain("<b>", html);
        Assert.Empty(Store.List().Single().Records);
    }

    [Fact]
    public async Task FormPostWithoutTheAntiforgeryTokenChangesNothing()
    {
        var response = await _http.PostAsync("/_local/outside-dns/zones", new FormUrlEncodedContent([new("apex", "example.net")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Store.List());
    }

    [Fact]
    public async Task FormsAddAZoneAndDeleteARecord()
    {
        var token = await AntiforgeryTokenAsync();
        await _http.PostAsync("/_local/outside-dns/zones", Form(token, ("apex", "Example.NET")));
        var record = Store.AddRecord("example.net", "mail", "TXT", "v=spf1 include:amazonses.com ~all");

        var deleted = await _http.PostAsync($"/_local/outside-dns/records/{record.Id}/delete", Form(token));

        Assert.Equal(HttpStatusCode.SeeOther, deleted.StatusCode);
        Assert.Empty(Assert.Single(Store.List()).Records);
    }

    [Fact]
    public async Task JsonApiAddsListsAndDeletesRecords()
    {
        var zone = await _http.PostAsJsonAsync("/_local/outside-dns/api/zones", new { apex = "example.net" });
        var created = await _http.PostAsJsonAsync("/_local/outside-dns/api/records", new { zone = "example.net", name = "mail", type = "TXT", value = "\"v=spf1 include:amazonses.com ~all\"", ttl = 60 });
        var record = await created.Content.ReadFromJsonAsync<JsonElement>();
        var listed = await _http.GetFromJsonAsync<JsonElement>("/_local/outside-dns/api/zones");
        var deleted = await _http.DeleteAsync($"/_local/outside-dns/api/records/{record.GetProperty("id").GetInt64()}");
        var deletedAgain = await _http.DeleteAsync($"/_local/outside-dns/api/records/{record.GetProperty("id").GetInt64()}");

        Assert.Equal(HttpStatusCode.Created, zone.StatusCode);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("mail.example.net.", record.GetProperty("name").GetString());
        Assert.Equal("v=spf1 include:amazonses.com ~all", record.GetProperty("value").GetString());
        var listedRecord = Assert.Single(Assert.Single(listed.EnumerateArray()).GetProperty("records").EnumerateArray());
        Assert.Equal(60, listedRecord.GetProperty("ttl").GetInt64());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, deletedAgain.StatusCode);
    }

    [Fact]
    public async Task JsonApiRefusesABadRecordWithTheReason()
    {
        Store.AddZone("example.net");

        var response = await _http.PostAsJsonAsync("/_local/outside-dns/api/records", new { zone = "example.net", name = "mail", type = "A", value = "not-an-address" });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not an IPv4 address", body.GetProperty("error").GetString());
    }

    private async Task<string> AntiforgeryTokenAsync()
    {
        var html = await _http.GetStringAsync("/_local/outside-dns");
        return WebUtility.HtmlDecode(TokenField().Match(html).Groups[1].Value);
    }

    private static FormUrlEncodedContent Form(string token, params (string Key, string Value)[] fields) =>
        new([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))]);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
