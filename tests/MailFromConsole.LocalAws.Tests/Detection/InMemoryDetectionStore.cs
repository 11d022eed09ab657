using MailFromConsole.Core.Ses;
using MailFromConsole.LocalAws.Detection;

namespace MailFromConsole.LocalAws.Tests.Detection;

/// <summary>The detection side of the store for one account, in memory, with the same no-lost-update rule as the SQLite store.</summary>
internal sealed class InMemoryDetectionStore : IDetectionStore
{
    private const string Account = LocalAwsOptions.DefaultAccountId;

    private readonly object _gate = new();
    private readonly Dictionary<(string Region, string Identity), MailFromSetup> _setups = [];
    private readonly Dictionary<(string Region, string Domain), DomainVerification> _verifications = [];
    private readonly Dictionary<(string Region, string Domain), DkimSetup> _dkim = [];

    public MailFromSetup Set(string region, string identity, string mailFromDomain, DateTimeOffset startedAt, CustomMailFromStatus status = CustomMailFromStatus.Pending)
    {
        var setup = new MailFromSetup(Account, region, identity, mailFromDomain, status, startedAt);
        lock (_gate)
        {
            _setups[(region, identity)] = setup;
        }

        return setup;
    }

    public MailFromSetup Get(string region, string identity)
    {
        lock (_gate)
        {
            return _setups[(region, identity)];
        }
    }

    public void Verify(string region, string domain, string token, DateTimeOffset startedAt)
    {
        lock (_gate)
        {
            _verifications[(region, domain)] = new DomainVerification(Account, region, domain, token, VerificationStatus.Pending, startedAt);
        }
    }

    public VerificationStatus VerificationStatusOf(string region, string domain)
    {
        lock (_gate)
        {
            return _verifications[(region, domain)].Status;
        }
    }

    public IReadOnlyList<MailFromSetup> MailFromSetups()
    {
        lock (_gate)
        {
            return [.. _setups.Values];
        }
    }

    public void UpdateMailFromStatus(MailFromSetup setup, CustomMailFromStatus newStatus)
    {
        lock (_gate)
        {
            if (_setups.TryGetValue((setup.Region, setup.Identity), out var current)
                && current.MailFromDomain == setup.MailFromDomain
                && current.SetupStartedAt == setup.SetupStartedAt)
            {
                _setups[(setup.Region, setup.Identity)] = current with { Status = newStatus };
            }
        }
    }

    public IReadOnlyList<DomainVerification> PendingDomainVerifications()
    {
        lock (_gate)
        {
            return [.. _verifications.Values.Where(v => v.Status is VerificationStatus.Pending or VerificationStatus.TemporaryFailure)];
        }
    }

    public void UpdateDomainVerification(DomainVerification verification, VerificationStatus newStatus)
    {
        lock (_gate)
        {
            if (_verifications.TryGetValue((verification.Region, verification.Domain), out var current) && current.StartedAt == verification.StartedAt)
            {
                _verifications[(verification.Region, verification.Domain)] = current with { Status = newStatus };
            }
        }
    }

    public void StartDkim(string region, string domain, IReadOnlyList<string> tokens, DateTimeOffset startedAt)
    {
        lock (_gate)
        {
            _dkim[(region, domain)] = new DkimSetup(Account, region, domain, tokens, VerificationStatus.Pending, startedAt);
        }
    }

    public VerificationStatus DkimStatusOf(string region, string domain)
    {
        lock (_gate)
        {
            return _dkim[(region, domain)].Status;
        }
    }

    public IReadOnlyList<DkimSetup> DkimSetups()
    {
        lock (_gate)
        {
            return [.. _dkim.Values.Where(d => d.Status is VerificationStatus.Pending or VerificationStatus.TemporaryFailure or VerificationStatus.Success)];
        }
    }

    public void UpdateDkimStatus(DkimSetup setup, VerificationStatus newStatus)
    {
        lock (_gate)
        {
            if (_dkim.TryGetValue((setup.Region, setup.Domain), out var current) && current.StartedAt == setup.StartedAt)
            {
                _dkim[(setup.Region, setup.Domain)] = current with { Status = newStatus };
            }
        }
    }
}
