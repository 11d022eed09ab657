using System.Net;
using System.Net.Sockets;
using MailFromConsole.Core.Ses;
using MailFromConsole.LocalAws.Detection;
using MailFromConsole.LocalAws.Dns;
using MailFromConsole.LocalAws.OutsideDns;
using MailFromConsole.LocalAws.Tests.OutsideDns;
using MailFromConsole.LocalAws.Tests.Dns;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace MailFromConsole.LocalAws.Tests.Detection;

public sealed class MailFromDetectionWorkerTests : IAsyncLifetime
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));
    private readonly InMemoryZoneData _zones = new InMemoryZoneData().Zone("example.com");
    private readonly InMemoryDetectionStore _store = new();
    private LocalDnsServer _dns = null!;

    public async Task InitializeAsync() => _dns = await LocalDns.StartAsync(_zones);

    public async Task DisposeAsync() => await _dns.DisposeAsync();

    [Fact]
    public async Task PendingSetupSucceedsWhenItsOnlyMxPointsAtAnyRegionsFeedbackHost()
    {
        _store.Set("us-east-1", "example.com", "mail.example.com", _time.GetUtcNow());
        _zones.Add("mail.example.com", "MX", "10 feedback-smtp.eu-west-1.amazonses.com.");

        await Worker().RunOnceAsync(CancellationToken.None);

        Assert.Equal(CustomMailFromStatus.Success, _store.Get("us-east-1", "example.com").Status);
    }

    [Fact]
    public async Task PendingSetupWithTwoMxRecordsStaysPending()
    {
        _store.Set("us-east-1", "example.com", "mail.example.com", _time.GetUtcNow());
        _zones.Add("mail.example.com", "MX", "10 feedback-smtp.us-east-1.amazonses.com.")
              .Add("mail.example.com", "MX", "20 mx.example.net.");

        await Worker().RunOnceAsync(CancellationToken.None);

        Assert.Equal(CustomMailFromStatus.Pending, _store.Get("us-east-1", "example.com").Status);
    }

    [Fact]
    public async Task SetupStillWrongWhenTheWindowEndsFailsAndIsNotCheckedAgainUntilRestarted()
    {
        _store.Set("us-east-1", "example.com", "mail.example.com", _time.GetUtcNow());
        var worker = Worker();

        await worker.RunOnceAsync(CancellationToken.None);
        var beforeWindowEnds = _store.Get("us-east-1", "example.com").Status;
        _time.Advance(Window);
        await worker.RunOnceAsync(CancellationToken.None);
        var afterWindow = _store.Get("us-east-1", "example.com").Status;
        _zones.Add("mail.example.com", "MX", "10 feedback-smtp.us-east-1.amazonses.com.");
        await worker.RunOnceAsync(CancellationToken.None);
        var failedWithRightMx = _store.Get("us-east-1", "example.com").Status;
        _store.Set("us-east-1", "example.com", "mail.example.com", _time.GetUtcNow());
        await worker.RunOnceAsync(CancellationToken.None);

        Assert.Equal(CustomMailFromStatus.Pending, beforeWindowEnds);
        Assert.Equal(CustomMailFromStatus.Failed, afterWindow);
        Assert.Equal(CustomMailFromStatus.Failed, failedWithRightMx);
        Assert.Equal(CustomMailFromStatus.Success, _store.Get("us-east-1", "example.com").Status);
    }

    [Fact]
    public async Task SuccessWhoseMxDisappearsIsFailedAndNotCheckedAgain()
    {
        _store.Set("us-east-1", "example.com", "mail.example.com", _time.GetUtcNow() - TimeSpan.FromDays(30), CustomMailFromStatus.Success);
        var worker = Worker();

        await worker.RunOnceAsync(CancellationToken.None);
        var withoutMx = _store.Get("us-east-1", "example.com").Status;
        _zones.Add("mail.example.com", "MX", "10 feedback-smtp.us-east-1.amazonses.com.");
        await worker.RunOnceAsync(CancellationToken.None);

        // SES API v2 reference, MailFromDomainStatus: FAILED is also "the record no longer exists".
        Assert.Equal(CustomMailFromStatus.Failed, withoutMx);
        Assert.Equal(CustomMailFromStatus.Failed, _store.Get("us-east-1", "example.com").Status);
    }

    [Fact]
    public async Task SuccessFailsWhenTheMxBecomesWrong()
    {
        _store.Set("us-east-1", "example.com", "mail.example.com", _time.GetUtcNow(), CustomMailFromStatus.Success);
        _zones.Add("mail.example.com", "MX", "10 mail.example.org.");

        await Worker().RunOnceAsync(CancellationToken.None);

        Assert.Equal(CustomMailFromStatus.Failed, _store.Get("us-east-1", "example.com").Status);
    }

    [Fact]
    public async Task SuccessMeetingADnsTimeoutIsTemporaryFailureWithAFreshWindow()
    {
        _store.Set("us-east-1", "example.com", "mail.example.com", _time.GetUtcNow() - TimeSpan.FromDays(30), CustomMailFromStatus.Success);
        using var silent = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var worker = Worker((IPEndPoint)silent.Client.LocalEndPoint!, TimeSpan.FromMilliseconds(200));

        await worker.RunOnceAsync(CancellationToken.None);
        var first = _store.Get("us-east-1", "example.com").Status;
        _time.Advance(Window - TimeSpan.FromSeconds(1));
        await worker.RunOnceAsync(CancellationToken.None);
        var withinTheNewWindow = _store.Get("us-east-1", "example.com").Status;
        _time.Advance(TimeSpan.FromSeconds(1));
        await worker.RunOnceAsync(CancellationToken.None);

        Assert.Equal(CustomMailFromStatus.TemporaryFailure, first);
        Assert.Equal(CustomMailFromStatus.TemporaryFailure, withinTheNewWindow);
        Assert.Equal(CustomMailFromStatus.Failed, _store.Get("us-east-1", "example.com").Status);
    }

    [Fact]
    public async Task DkimSucceedsOnlyOnceAllThreeCnamesPointAtSes()
    {
        string[] tokens = ["t1aaaa", "t2bbbb", "t3cccc"];
        _store.StartDkim("us-east-1", "example.com", tokens, _time.GetUtcNow());
        _zones.Add("t1aaaa._domainkey.example.com", "CNAME", "t1aaaa.dkim.amazonses.com.");
        _zones.Add("t2bbbb._domainkey.example.com", "CNAME", "t2bbbb.dkim.amazonses.com.");
        var worker = Worker();

        await worker.RunOnceAsync(CancellationToken.None);
        var withTwo = _store.DkimStatusOf("us-east-1", "example.com");
        _zones.Add("t3cccc._domainkey.example.com", "CNAME", "t3cccc.dkim.amazonses.com.");
        await worker.RunOnceAsync(CancellationToken.None);

        Assert.Equal(VerificationStatus.Pending, withTwo);
        Assert.Equal(VerificationStatus.Success, _store.DkimStatusOf("us-east-1", "example.com"));
    }

    [Fact]
    public async Task DnsTimeoutGivesTemporaryFailure()
    {
        _store.Set("us-east-1", "example.com", "mail.example.com", _time.GetUtcNow());
        using var silent = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));

        await Worker((IPEndPoint)silent.Client.LocalEndPoint!, TimeSpan.FromMilliseconds(200)).RunOnceAsync(CancellationToken.None);

        Assert.Equal(CustomMailFromStatus.TemporaryFailure, _store.Get("us-east-1", "example.com").Status);
    }

    [Fact]
    public async Task DomainOutsideEveryZoneStaysPending()
    {
        _store.Set("us-east-1", "user@example.org", "mail.example.org", _time.GetUtcNow());

        await Worker().RunOnceAsync(CancellationToken.None);

        Assert.Equal(CustomMailFromStatus.Pending, _store.Get("us-east-1", "user@example.org").Status);
    }

    [Fact]
    public async Task StatusFoundForASetupChangedDuringTheLookupIsNotWrittenOverTheNewSetup()
    {
        _store.Set("us-east-1", "example.com", "mail.example.com", _time.GetUtcNow());
        _zones.Add("mail.example.com", "MX", "10 feedback-smtp.us-east-1.amazonses.com.");
        var restartedAt = _time.GetUtcNow() + TimeSpan.FromSeconds(1);
        _zones.OnRecordsAt = name =>
        {
            // The user sets another MAIL FROM domain while the worker's MX query is being answered.
            if (name == "mail.example.com.")
            {
                _store.Set("us-east-1", "example.com", "bounce.example.com", restartedAt);
            }
        };

        await Worker().RunOnceAsync(CancellationToken.None);

        var setup = _store.Get("us-east-1", "example.com");
        Assert.Equal("bounce.example.com", setup.MailFromDomain);
        Assert.Equal(CustomMailFromStatus.Pending, setup.Status);
    }

    [Fact]
    public async Task SameMailFromDomainInTwoRegionsSucceedsInBoth()
    {
        _store.Set("us-east-1", "example.com", "mail.example.com", _time.GetUtcNow());
        _store.Set("eu-west-1", "example.com", "mail.example.com", _time.GetUtcNow());
        _zones.Add("mail.example.com", "MX", "10 feedback-smtp.us-east-1.amazonses.com.");

        await Worker().RunOnceAsync(CancellationToken.None);

        Assert.Equal(CustomMailFromStatus.Success, _store.Get("us-east-1", "example.com").Status);
        Assert.Equal(CustomMailFromStatus.Success, _store.Get("eu-west-1", "example.com").Status);
    }

    [Fact]
    public async Task RecordsAddedByHandAtAnOutsideProviderReachSuccess()
    {
        using var database = new TempDatabase();
        var outside = new OutsideZoneStore(database.Path);
        outside.AddZone("example.org");
        await using var dns = await LocalDns.StartAsync(new CompositeZoneData(_zones, outside));
        _store.Set("eu-west-1", "user@example.org", "bounce.example.org", _time.GetUtcNow());
        var worker = Worker(dns.Endpoint);

        await worker.RunOnceAsync(CancellationToken.None);
        var beforeTheRecord = _store.Get("eu-west-1", "user@example.org").Status;
        outside.AddRecord("example.org", "bounce", "MX", "10 feedback-smtp.eu-west-1.amazonses.com");
        await worker.RunOnceAsync(CancellationToken.None);

        Assert.Equal(CustomMailFromStatus.Pending, beforeTheRecord);
        Assert.Equal(CustomMailFromStatus.Success, _store.Get("eu-west-1", "user@example.org").Status);
    }

    [Fact]
    public async Task DomainIsVerifiedWhenItsTokenIsPublishedBesideOtherRegionsTokens()
    {
        _store.Verify("us-east-1", "example.com", "QGYqkX5Eoq8yMOyXHQWQ2uSBf3bSCU7bmRfxqKDdtVk=", _time.GetUtcNow());
        _store.Verify("eu-west-1", "example.com", "not-published", _time.GetUtcNow());
        _zones.Add("_amazonses.example.com", "TXT", "some-other-region-token")
              .Add("_amazonses.example.com", "TXT", "QGYqkX5Eoq8yMOyXHQWQ2uSBf3bSCU7bmRfxqKDdtVk=");

        await Worker().RunOnceAsync(CancellationToken.None);

        Assert.Equal(VerificationStatus.Success, _store.VerificationStatusOf("us-east-1", "example.com"));
        Assert.Equal(VerificationStatus.Pending, _store.VerificationStatusOf("eu-west-1", "example.com"));
    }

    [Fact]
    public async Task DomainVerificationFailsWhenTheWindowEndsWithoutTheToken()
    {
        _store.Verify("us-east-1", "example.com", "token", _time.GetUtcNow());
        _time.Advance(Window);

        await Worker().RunOnceAsync(CancellationToken.None);

        Assert.Equal(VerificationStatus.Failed, _store.VerificationStatusOf("us-east-1", "example.com"));
    }

    [Fact]
    public async Task BackgroundLoopChecksAgainEveryInterval()
    {
        _store.Set("us-east-1", "example.com", "mail.example.com", _time.GetUtcNow());
        using var worker = Worker();
        var passes = new[] { new TaskCompletionSource(), new TaskCompletionSource() };
        worker.PassCompleted += n =>
        {
            if (n <= passes.Length)
            {
                passes[n - 1].TrySetResult();
            }
        };

        await worker.StartAsync(CancellationToken.None);
        await passes[0].Task.WaitAsync(TimeSpan.FromSeconds(10));
        var afterFirstPass = _store.Get("us-east-1", "example.com").Status;
        _zones.Add("mail.example.com", "MX", "10 feedback-smtp.us-east-1.amazonses.com.");
        _time.Advance(Interval);
        await passes[1].Task.WaitAsync(TimeSpan.FromSeconds(10));
        await worker.StopAsync(CancellationToken.None);

        Assert.Equal(CustomMailFromStatus.Pending, afterFirstPass);
        Assert.Equal(CustomMailFromStatus.Success, _store.Get("us-east-1", "example.com").Status);
    }

    // Generous against the real server (a loaded CI machine must not turn into TemporaryFailure); short against the silent one.
    private MailFromDetectionWorker Worker(IPEndPoint? dns = null, TimeSpan? dnsTimeout = null) => new(
        _store,
        new MailFromDetectionOptions
        {
            Interval = Interval,
            DetectionWindow = Window,
            DnsEndpoint = dns ?? _dns.Endpoint,
            DnsTimeout = dnsTimeout ?? TimeSpan.FromSeconds(5),
        },
        _time,
        NullLogger<MailFromDetectionWorker>.Instance);
}
