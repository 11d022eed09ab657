using MailFromConsole.Core.Deliverability;
using MailFromConsole.Core.MailFrom;

namespace MailFromConsole.Core.View;

/// <summary>
/// Which identities the sweeper reads next for one part of the view, best first: what the console just changed, what a
/// user is looking at, what is still moving (Pending, TemporaryFailure), what was never read, then the oldest of a full
/// round. Identities not due are left out, so an empty batch means the part is up to date.
/// </summary>
public static class SweepPlanner
{
    /// <summary>SES refuses more than 100 identities in one Get…Attributes call.</summary>
    public const int BatchSize = 100;

    private enum Reason { JustChanged, Watched, Unsettled, NeverRead, RoundDue }

    public static IReadOnlyList<string> NextBatch(
        ViewPart part, IEnumerable<IdentityState> states, IReadOnlySet<string> watched, DateTimeOffset now, SweepIntervals intervals, int size = BatchSize)
    {
        ArgumentNullException.ThrowIfNull(states);
        ArgumentNullException.ThrowIfNull(watched);
        ArgumentNullException.ThrowIfNull(intervals);
        var all = states as IReadOnlyCollection<IdentityState> ?? [.. states];
        var byName = part == ViewPart.Readiness ? all.ToDictionary(s => s.Identity, StringComparer.Ordinal) : null;
        return all
            .Select(s => (State: s, Reason: ReasonToRead(part, s, watched.Contains(s.Identity), now, intervals, byName)))
            .Where(x => x.Reason is not null)
            .OrderBy(x => x.Reason)
            .ThenBy(x => x.State.ReadAt(part) ?? DateTimeOffset.MinValue)
            .ThenBy(x => x.State.Identity, StringComparer.Ordinal)
            .Take(size)
            .Select(x => x.State.Identity)
            .ToList();
    }

    private static Reason? ReasonToRead(
        ViewPart part, IdentityState state, bool isWatched, DateTimeOffset now, SweepIntervals intervals, IReadOnlyDictionary<string, IdentityState>? byName)
    {
        if (part == ViewPart.Dns && state.MailFrom?.MailFromDomain is null) return null;
        // The verdict is decided on what SES said: not before it was read, and again as soon as SES says something else.
        if (part == ViewPart.Readiness && (state.MailFromReadAt is null || state.DkimReadAt is null)) return null;
        var readAt = state.ReadAt(part);
        if (state.ChangedAt is { } changed && (readAt is null || readAt < changed)) return Reason.JustChanged;
        if (part == ViewPart.Readiness && state.Readiness is { } readiness && readiness.Basis != ReadinessBasis(state, byName!)) return Reason.JustChanged;
        if (readAt is null) return isWatched ? Reason.Watched : Reason.NeverRead;
        var age = now - readAt.Value;
        if (isWatched && age >= intervals.Watched) return Reason.Watched;
        if (state.IsUnsettled(part) && age >= intervals.Unsettled) return Reason.Unsettled;
        var round = part is ViewPart.Dns or ViewPart.Readiness ? intervals.DnsRecheck : intervals.Settled;
        return age >= round ? Reason.RoundDue : null;
    }

    /// <summary>The SES attributes the identity's verdict depends on now: its MAIL FROM and the DKIM that signs its mail.</summary>
    public static string ReadinessBasis(IdentityState state, IReadOnlyDictionary<string, IdentityState> byName)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(byName);
        if (!MailFromDomainRules.TryIdentityDomain(state.Identity, out var domain, out _)) return DeliverabilityReadiness.BasisOf(state.MailFrom, state.Dkim);
        var domainDkim = domain == state.Identity ? null : byName.GetValueOrDefault(domain)?.Dkim;
        return DeliverabilityReadiness.BasisOf(state.MailFrom, SigningDkim.Of(state.Identity, domain, state.Dkim, domainDkim));
    }
}
