using System.Collections.Concurrent;
using MailFromConsole.Core.Ses;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MailFromConsole.LocalAws.Detection;

/// <summary>
/// Emulates SES's asynchronous detection: every <see cref="MailFromDetectionOptions.Interval"/> it resolves each
/// custom MAIL FROM domain (MX), each pending domain identity (<c>_amazonses</c> TXT) and each Easy DKIM setup
/// (three <c>_domainkey</c> CNAMEs) through DNS and moves their status on by <see cref="DetectionRules"/>.
/// </summary>
public sealed class MailFromDetectionWorker : BackgroundService
{
    private readonly IDetectionStore _store;
    private readonly MailFromDetectionOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<MailFromDetectionWorker> _logger;
    private readonly DetectionDns _dns;

    // When a Success setup fell back to TemporaryFailure (DNS gave no answer), its new window starts then, not at the (old) setup time. Kept in memory only
    // (the store has no column for it): after a restart such a setup is judged from its setup time again, so if it
    // is still wrong it fails at once, like a setup SES gave up on; restarting the setup starts a new window.
    private readonly ConcurrentDictionary<MailFromSetupKey, DateTimeOffset> _fallbackWindowStarts = new();

    public MailFromDetectionWorker(IDetectionStore store, MailFromDetectionOptions options, TimeProvider time, ILogger<MailFromDetectionWorker> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.DnsEndpoint is null)
        {
            throw new ArgumentException("MailFromDetectionOptions.DnsEndpoint must be set (the local DNS server's endpoint).", nameof(options));
        }

        if (options.Interval <= TimeSpan.Zero || options.DetectionWindow <= TimeSpan.Zero)
        {
            throw new ArgumentException("Interval and DetectionWindow must be positive.", nameof(options));
        }

        _store = store;
        _options = options;
        _time = time;
        _logger = logger;
        _dns = new DetectionDns(options.DnsEndpoint, options.DnsTimeout, logger);
    }

    /// <summary>Raised after each pass of the background loop (tests wait on it instead of sleeping).</summary>
    public event Action<int>? PassCompleted;

    /// <summary>One pass over every MAIL FROM setup, pending domain verification and DKIM setup.</summary>
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var mxLookups = new ConcurrentDictionary<string, Lazy<Task<MxObservation>>>(StringComparer.OrdinalIgnoreCase);
        var setups = _store.MailFromSetups();
        ForgetWindowsOfChangedSetups(setups);

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, _options.MaxParallelLookups), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(setups.Where(s => s.Status != CustomMailFromStatus.Failed), parallel, async (setup, ct) =>
        {
            // One lookup per domain and pass, however many accounts and regions use it.
            var observation = await mxLookups.GetOrAdd(setup.MailFromDomain, d => new Lazy<Task<MxObservation>>(() => _dns.MxAsync(d, ct))).Value;
            Apply(setup, observation, now);
        });

        await Parallel.ForEachAsync(_store.PendingDomainVerifications(), parallel, async (verification, ct) =>
        {
            var observation = await _dns.TxtAsync("_amazonses." + verification.Domain.TrimEnd('.'), ct);
            var next = DetectionRules.NextVerificationStatus(verification.Status, observation, verification.Token, now - verification.StartedAt, _options.DetectionWindow);
            if (next != verification.Status)
            {
                _logger.LogInformation("Domain verification {Account} {Region} {Domain}: {From} -> {To}", verification.AccountId, verification.Region, verification.Domain, verification.Status, next);
                _store.UpdateDomainVerification(verification, next);
            }
        });

        await Parallel.ForEachAsync(_store.DkimSetups(), parallel, (setup, ct) => new ValueTask(CheckDkimAsync(setup, now, ct)));
    }

    private async Task CheckDkimAsync(DkimSetup setup, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var observations = new List<CnameObservation>(setup.Tokens.Count);
        foreach (var token in setup.Tokens)
        {
            observations.Add(await _dns.CnameAsync(setup.RecordName(token), cancellationToken));
        }

        var next = DetectionRules.NextDkimStatus(setup, observations, now - setup.StartedAt, _options.DetectionWindow);
        if (next != setup.Status)
        {
            _logger.LogInformation("DKIM {Account} {Region} {Domain}: {From} -> {To}", setup.AccountId, setup.Region, setup.Domain, setup.Status, next);
            _store.UpdateDkimStatus(setup, next);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Created before the first pass: time advanced once that pass has completed always leads to the next one.
        using var timer = new PeriodicTimer(_options.Interval, _time);
        var pass = 0;
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One failed pass (e.g. the database busy) must not end detection; the next pass tries again.
                _logger.LogError(ex, "MAIL FROM detection pass failed");
            }

            PassCompleted?.Invoke(++pass);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private void Apply(MailFromSetup setup, MxObservation observation, DateTimeOffset now)
    {
        var key = MailFromSetupKey.Of(setup);
        var windowStart = _fallbackWindowStarts.TryGetValue(key, out var fellBackAt) ? fellBackAt : setup.SetupStartedAt;
        var next = DetectionRules.NextMailFromStatus(setup.Status, observation, now - windowStart, _options.DetectionWindow);
        if (next == setup.Status)
        {
            return;
        }

        _logger.LogInformation("MAIL FROM {Account} {Region} {Identity} {Domain}: {From} -> {To} (MX: {Hosts})",
            setup.AccountId, setup.Region, setup.Identity, setup.MailFromDomain, setup.Status, next, observation.TimedOut ? "timeout" : string.Join(", ", observation.Hosts));

        // The store writes only if the setup is unchanged since it was read (the user may have restarted it meanwhile).
        _store.UpdateMailFromStatus(setup, next);
        if (setup.Status == CustomMailFromStatus.Success)
        {
            _fallbackWindowStarts[key] = now;
        }
        else if (next == CustomMailFromStatus.Success)
        {
            _fallbackWindowStarts.TryRemove(key, out _);
        }
    }

    private void ForgetWindowsOfChangedSetups(IReadOnlyList<MailFromSetup> setups)
    {
        var current = setups.Select(MailFromSetupKey.Of).ToHashSet();
        foreach (var key in _fallbackWindowStarts.Keys.Where(k => !current.Contains(k)))
        {
            _fallbackWindowStarts.TryRemove(key, out _);
        }
    }

    private sealed record MailFromSetupKey(string AccountId, string Region, string Identity, string MailFromDomain, DateTimeOffset SetupStartedAt)
    {
        public static MailFromSetupKey Of(MailFromSetup s) => new(s.AccountId, s.Region, s.Identity, s.MailFromDomain.ToLowerInvariant(), s.SetupStartedAt);
    }
}
