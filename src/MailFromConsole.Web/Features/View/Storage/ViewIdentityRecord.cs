using MailFromConsole.Core.Deliverability;
using MailFromConsole.Core.Ses;
using MailFromConsole.Core.View;

namespace MailFromConsole.Web.Features.View.Storage;

/// <summary>One identity of the account view as stored (times as Unix milliseconds, lists as space-separated text).</summary>
public sealed class ViewIdentityRecord
{
    public required string Region { get; set; }
    public required string Identity { get; set; }
    public required string Type { get; set; }

    public string? Verification { get; set; }
    public string? VerificationToken { get; set; }
    public long? VerificationReadAtMs { get; set; }

    public bool HasMailFrom { get; set; }
    public string? MailFromDomain { get; set; }
    public string? MailFromStatus { get; set; }
    public string? BehaviorOnMxFailure { get; set; }
    public long? MailFromReadAtMs { get; set; }

    public bool? DkimEnabled { get; set; }
    public string? DkimStatus { get; set; }
    public string? DkimTokens { get; set; }
    public long? DkimReadAtMs { get; set; }

    public string? DnsMxHosts { get; set; }
    public bool? DnsSpfOk { get; set; }
    public bool? DnsConclusive { get; set; }
    public long? DnsCheckedAtMs { get; set; }

    public string? ReadinessOutcome { get; set; }
    public string? ReadinessGaps { get; set; }
    public string? ReadinessDkimCnames { get; set; }
    public string? ReadinessBasis { get; set; }
    public long? ReadinessCheckedAtMs { get; set; }

    public long? ChangedAtMs { get; set; }

    public static ViewIdentityRecord From(string region, IdentityState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var record = new ViewIdentityRecord { Region = region, Identity = state.Identity, Type = state.Type.ToString() };
        record.CopyFrom(state);
        return record;
    }

    public void CopyFrom(IdentityState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        Verification = state.Verification?.ToString();
        VerificationToken = state.VerificationToken;
        VerificationReadAtMs = Ms(state.VerificationReadAt);
        HasMailFrom = state.MailFrom is not null;
        MailFromDomain = state.MailFrom?.MailFromDomain;
        MailFromStatus = state.MailFrom?.MailFromDomainStatus?.ToString();
        BehaviorOnMxFailure = state.MailFrom?.BehaviorOnMxFailure.ToString();
        MailFromReadAtMs = Ms(state.MailFromReadAt);
        DkimEnabled = state.Dkim?.DkimEnabled;
        DkimStatus = state.Dkim?.DkimVerificationStatus.ToString();
        DkimTokens = state.Dkim is null ? null : string.Join(' ', state.Dkim.DkimTokens);
        DkimReadAtMs = Ms(state.DkimReadAt);
        DnsMxHosts = state.Dns is null ? null : string.Join(' ', state.Dns.MxHosts);
        DnsSpfOk = state.Dns?.SpfOk;
        DnsConclusive = state.Dns?.Conclusive;
        DnsCheckedAtMs = Ms(state.DnsCheckedAt);
        ReadinessOutcome = state.Readiness?.Outcome.ToString();
        ReadinessGaps = state.Readiness is null ? null : string.Join(' ', state.Readiness.Gaps);
        ReadinessDkimCnames = state.Readiness is null ? null : string.Join(' ', state.Readiness.DkimCnames);
        ReadinessBasis = state.Readiness?.Basis;
        ReadinessCheckedAtMs = Ms(state.ReadinessCheckedAt);
        ChangedAtMs = Ms(state.ChangedAt);
    }

    public IdentityState ToState() => new(Identity, Enum.Parse<IdentityType>(Type))
    {
        Verification = Parse<VerificationStatus>(Verification),
        VerificationToken = VerificationToken,
        VerificationReadAt = Time(VerificationReadAtMs),
        MailFrom = HasMailFrom
            ? new IdentityMailFromDomainAttributes(MailFromDomain, Parse<CustomMailFromStatus>(MailFromStatus), Parse<BehaviorOnMxFailure>(BehaviorOnMxFailure) ?? Core.Ses.BehaviorOnMxFailure.UseDefaultValue)
            : null,
        MailFromReadAt = Time(MailFromReadAtMs),
        Dkim = DkimEnabled is { } enabled
            ? new IdentityDkimAttributes(enabled, Parse<VerificationStatus>(DkimStatus) ?? VerificationStatus.NotStarted, Words(DkimTokens))
            : null,
        DkimReadAt = Time(DkimReadAtMs),
        Dns = DnsSpfOk is { } spf ? new DnsSnapshot(Words(DnsMxHosts), spf, DnsConclusive ?? false) : null,
        DnsCheckedAt = Time(DnsCheckedAtMs),
        Readiness = Parse<DeliverabilityOutcome>(ReadinessOutcome) is { } outcome
            ? new DeliverabilityReadiness(outcome, [.. Words(ReadinessGaps).Select(Enum.Parse<DeliverabilityGapCode>)], [.. Words(ReadinessDkimCnames).Select(Enum.Parse<DkimCnameState>)], ReadinessBasis ?? "")
            : null,
        ReadinessCheckedAt = Time(ReadinessCheckedAtMs),
        ChangedAt = Time(ChangedAtMs),
    };

    private static long? Ms(DateTimeOffset? at) => at?.ToUnixTimeMilliseconds();

    private static DateTimeOffset? Time(long? ms) => ms is { } value ? DateTimeOffset.FromUnixTimeMilliseconds(value) : null;

    private static T? Parse<T>(string? value) where T : struct, Enum => value is null ? null : Enum.Parse<T>(value);

    private static IReadOnlyList<string> Words(string? value) => string.IsNullOrEmpty(value) ? [] : value.Split(' ');
}
