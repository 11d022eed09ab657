using MailFromConsole.Core.Ses;

namespace MailFromConsole.Core.View;

/// <summary>
/// What changed between two readings of one identity, in plain words for its history. The console's own changes are
/// written to the view before SES is asked again, so a difference between the view and SES's answer in a setting
/// (MAIL FROM domain, behavior) was made elsewhere: "changed outside the console".
/// </summary>
public static class DriftRules
{
    public static IReadOnlyList<HistoryEntry> Compare(string region, IdentityState before, IdentityState after, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var entries = new List<HistoryEntry>();
        void Add(HistoryKind kind, string text, bool drift) => entries.Add(new HistoryEntry(region, after.Identity, at, kind, text, drift));

        if (before.Verification is { } v0 && after.Verification is { } v1 && v0 != v1)
            Add(HistoryKind.Status, $"Verification status {v0} → {v1}", v0 == VerificationStatus.Success);

        if (before.MailFromReadAt is not null && before.MailFrom is { } m0 && after.MailFrom is { } m1)
        {
            if (!string.Equals(m0.MailFromDomain, m1.MailFromDomain, StringComparison.OrdinalIgnoreCase) || m0.BehaviorOnMxFailure != m1.BehaviorOnMxFailure)
                Add(HistoryKind.Outside, $"MAIL FROM changed outside the console: {Describe(m0)} → {Describe(m1)}", m0.MailFromDomainStatus == CustomMailFromStatus.Success);
            else if (m0.MailFromDomainStatus != m1.MailFromDomainStatus)
                Add(HistoryKind.Status, $"MAIL FROM status {Status(m0)} → {Status(m1)}", m0.MailFromDomainStatus == CustomMailFromStatus.Success);
        }

        if (before.Dkim is { } d0 && after.Dkim is { } d1 && d0.DkimVerificationStatus != d1.DkimVerificationStatus)
            Add(HistoryKind.Status, $"DKIM status {d0.DkimVerificationStatus} → {d1.DkimVerificationStatus}", d0.DkimVerificationStatus == VerificationStatus.Success);

        if (before.Dns is { Conclusive: true } n0 && after.Dns is { Conclusive: true } n1 && !n0.Equals(n1))
            CompareDns(n0, n1, after.MailFrom?.MailFromDomain ?? "the MAIL FROM domain", WasWorking(after.MailFrom?.MailFromDomainStatus), Add);

        return entries;
    }

    private static void CompareDns(DnsSnapshot before, DnsSnapshot after, string name, bool success, Action<HistoryKind, string, bool> add)
    {
        if (before.MxHosts.Count > 0 && after.MxHosts.Count == 0)
            add(HistoryKind.Dns, $"MX record of {name} is gone", success);
        else if (before.MxHosts.Count <= 1 && after.MxHosts.Count > 1)
            add(HistoryKind.Dns, $"A second MX record appeared at {name}: {string.Join(", ", after.MxHosts)}", success);
        else if (before.MxHosts.Count == 0 && after.MxHosts.Count > 0)
            add(HistoryKind.Dns, $"MX record of {name} is back: {string.Join(", ", after.MxHosts)}", false);
        else if (!before.MxHosts.SequenceEqual(after.MxHosts, StringComparer.OrdinalIgnoreCase))
            add(HistoryKind.Dns, $"MX record of {name} changed: {string.Join(", ", before.MxHosts)} → {string.Join(", ", after.MxHosts)}", success);

        if (before.SpfOk && !after.SpfOk)
            add(HistoryKind.Dns, $"SPF record of {name} no longer includes amazonses.com", success);
        else if (!before.SpfOk && after.SpfOk)
            add(HistoryKind.Dns, $"SPF record of {name} includes amazonses.com again", false);
    }

    /// <summary>
    /// Records lost at a domain past its setup are drift. SES may already have left Success when the DNS check runs
    /// (its own check can be the quicker one), so Failed and TemporaryFailure count too; only a setup that is still
    /// Pending (or none) is not drift.
    /// </summary>
    private static bool WasWorking(CustomMailFromStatus? status) =>
        status is CustomMailFromStatus.Success or CustomMailFromStatus.Failed or CustomMailFromStatus.TemporaryFailure;

    private static string Describe(IdentityMailFromDomainAttributes attributes) =>
        attributes.MailFromDomain is null ? "(none)" : $"{attributes.MailFromDomain} ({attributes.BehaviorOnMxFailure})";

    private static string Status(IdentityMailFromDomainAttributes attributes) => attributes.MailFromDomainStatus?.ToString() ?? "(none)";
}
