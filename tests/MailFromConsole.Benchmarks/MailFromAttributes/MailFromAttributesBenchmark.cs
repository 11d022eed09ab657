using System.Diagnostics;
using System.Globalization;
using MailFromConsole.Aws;
using MailFromConsole.Core.Ses;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.Benchmarks.MailFromAttributes;

/// <summary>
/// How long the wire client takes to fetch MAIL FROM attributes for N identities from a server enforcing
/// 1 request/"second" × 100 identities, as a ratio to the floor ceil(N/100) "seconds". Time is scaled: one
/// "second" is --second-ms real milliseconds on both sides, and the client's spacing and backoff are the product
/// defaults scaled by the same factor.
/// </summary>
internal sealed class MailFromAttributesBenchmark : IBenchmark
{
    private const double Goal = 1.05;

    public string Name => "mailfrom-attributes";

    public string Description => "MAIL FROM attributes of N identities vs 1 req/s x 100 (options: --identities 10000 --second-ms 250)";

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken cancellationToken)
    {
        var identityCount = IntOption(args, "--identities", 10_000);
        var second = TimeSpan.FromMilliseconds(IntOption(args, "--second-ms", 250));
        var scale = second / TimeSpan.FromSeconds(1);
        var defaults = new AwsClientOptions();

        await using var server = await StrictSesServer.StartAsync(second);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Aws:SesServiceUrl"] = server.Url.ToString(),
            ["Aws:AccessKeyId"] = "test",
            ["Aws:SecretAccessKey"] = "test",
            ["Aws:RateLimits:SesMailFromInterval"] = Format(defaults.RateLimits.SesMailFromInterval * scale),
            ["Aws:Retry:BaseDelay"] = Format(defaults.Retry.BaseDelay * scale),
            ["Aws:Retry:MaxDelay"] = Format(defaults.Retry.MaxDelay * scale),
        }).Build();
        await using var services = new ServiceCollection().AddAwsClients(configuration).BuildServiceProvider();
        var ses = services.GetRequiredService<ISesClient>();
        var identities = Enumerable.Range(0, identityCount).Select(i => $"d{i}.example.com").ToList();

        // Warm-up outside the measurement (JIT, connection): a cold first request arrives late, which a strict
        // server would count against the spacing of the second.
        await ses.ListIdentitiesAsync("us-east-1", null, null, null, cancellationToken);
        var stopwatch = Stopwatch.StartNew();
        var attributes = await ses.GetIdentityMailFromDomainAttributesAsync("us-east-1", identities, cancellationToken);
        stopwatch.Stop();

        var gaps = server.Arrivals.Zip(server.Arrivals.Skip(1), (a, b) => Stopwatch.GetElapsedTime(a, b).TotalMilliseconds).ToList();
        if (gaps.Count > 0)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  gaps between arrivals: min {gaps.Min():F1} ms, mean {gaps.Average():F1} ms, max {gaps.Max():F1} ms"));
        var calls = (identityCount + 99) / 100;
        var floor = second * calls;
        var ratio = stopwatch.Elapsed / floor;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
            mailfrom-attributes: {identityCount} identities, {attributes.Count} answered; 1 "second" = {second.TotalMilliseconds} ms
              server: {server.Accepted} accepted, {server.Throttled} throttled, {server.Refused} refused
              elapsed {stopwatch.Elapsed.TotalMilliseconds:F0} ms / floor ceil(N/100)·second = {floor.TotalMilliseconds:F0} ms
              ratio {ratio:F4} (goal ≤ {Goal:F2}): {(ratio <= Goal && attributes.Count == identityCount ? "met" : "MISSED")}
            """));
        return ratio <= Goal && attributes.Count == identityCount ? 0 : 1;
    }

    private static int IntOption(IReadOnlyList<string> args, string name, int fallback)
    {
        var index = args.ToList().IndexOf(name);
        return index >= 0 && index + 1 < args.Count ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static string Format(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);
}
