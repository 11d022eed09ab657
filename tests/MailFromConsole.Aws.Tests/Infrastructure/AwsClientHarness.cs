using MailFromConsole.Core.Route53;
using MailFromConsole.Core.Ses;
using MailFromConsole.Core.Sts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.Aws.Tests.Infrastructure;

/// <summary>The product's own DI registration (AddAwsClients) pointed at a loopback server, with test credentials and fast timings.</summary>
public sealed class AwsClientHarness : IAsyncDisposable
{
    public const string AccessKeyId = "AKIDEXAMPLE";
    public const string SecretAccessKey = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    private readonly ServiceProvider _services;

    private AwsClientHarness(ServiceProvider services, LoopbackAwsServer server)
    {
        _services = services;
        Server = server;
    }

    public LoopbackAwsServer Server { get; }

    public ISesClient Ses => _services.GetRequiredService<ISesClient>();

    public IRoute53Client Route53 => _services.GetRequiredService<IRoute53Client>();

    public IStsClient Sts => _services.GetRequiredService<IStsClient>();

    public IRoute53Accounts Route53Accounts => _services.GetRequiredService<IRoute53Accounts>();

    public static async Task<AwsClientHarness> StartAsync(
        Func<RecordedRequest, CannedResponse> respond,
        IDictionary<string, string?>? settings = null,
        TimeProvider? timeProvider = null,
        bool withCredentials = true)
    {
        var server = await LoopbackAwsServer.StartAsync(respond);
        var values = new Dictionary<string, string?>
        {
            ["Aws:SesServiceUrl"] = server.Url.ToString(),
            ["Aws:Route53ServiceUrl"] = server.Url.ToString(),
            ["Aws:StsServiceUrl"] = server.Url.ToString(),
            ["Aws:RateLimits:SesMailFromInterval"] = "00:00:00.001",
            ["Aws:RateLimits:SesOtherInterval"] = "00:00:00.001",
            ["Aws:RateLimits:Route53RequestsPerSecond"] = "1000",
            ["Aws:Retry:BaseDelay"] = "00:00:00.001",
            ["Aws:Retry:MaxDelay"] = "00:00:00.010",
        };
        if (withCredentials)
        {
            values["Aws:AccessKeyId"] = AccessKeyId;
            values["Aws:SecretAccessKey"] = SecretAccessKey;
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            values[key] = value;

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        if (timeProvider is not null)
            services.AddSingleton(timeProvider);
        services.AddAwsClients(configuration);
        return new AwsClientHarness(services.BuildServiceProvider(), server);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Server.DisposeAsync();
    }
}
