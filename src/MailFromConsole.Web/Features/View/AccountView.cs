using MailFromConsole.Core.Ses;
using MailFromConsole.Core.View;
using MailFromConsole.Web.Infrastructure.Cluster;

namespace MailFromConsole.Web.Features.View;

/// <summary>
/// The one picture of SES that every page reads (per region: identities, verification, MAIL FROM, DKIM, DNS, and when
/// each was read), kept in memory for speed and in the console's database for restarts and other instances.
/// The sweeper fills it at SES's pace; the console's own changes are written to it at once; every change is told
/// to <see cref="Changed"/> (this instance) and, through <see cref="IChangeNotifications"/>, to the other instances,
/// which re-read those identities from the database and tell their own pages (within milliseconds on PostgreSQL).
/// </summary>
public sealed class AccountView : IDisposable
{
    private sealed class RegionData
    {
        public readonly Dictionary<string, IdentityState> Identities = new(StringComparer.Ordinal);

        /// <summary>Identities the console is changing right now (SES asked, view not yet written): reads leave them alone.</summary>
        public readonly Dictionary<string, int> Changing = new(StringComparer.Ordinal);
        public LoadProgress Progress = LoadProgress.NotStarted;
        public HashSet<string>? ListedThisRound;
        public DateTimeOffset ListingStartedAt;

        /// <summary>A full listing (or a saved view) is known: a name that appears now was added elsewhere.</summary>
        public bool Known;

        /// <summary>The identities as of the last change; null once they changed, until the next read builds it again.</summary>
        private ViewSnapshot? snapshot;

        /// <summary>Call under the lock.</summary>
        public ViewSnapshot Snapshot => snapshot ??= ViewSnapshot.From(Identities.Values);

        /// <summary>Call under the lock after changing <see cref="Identities"/>.</summary>
        public void Touched() => snapshot = null;
    }

    private readonly Dictionary<string, RegionData> regions = new(StringComparer.Ordinal);
    private readonly IAccountViewStore store;
    private readonly IChangeNotifications notifications;
    private readonly TimeProvider time;
    private readonly ILogger<AccountView> logger;
    private readonly IDisposable listening;

    /// <summary>Other instances' changes, applied one after the other in the order they came.</summary>
    private Task remoteChanges = Task.CompletedTask;

    /// <summary>Names this process in its change messages, so it can skip its own when they come back.</summary>
    private readonly string instance = Guid.NewGuid().ToString("N");

    public AccountView(IAccountViewStore store, IChangeNotifications notifications, TimeProvider time, ILogger<AccountView> logger)
    {
        this.store = store;
        this.notifications = notifications;
        this.time = time;
        this.logger = logger;
        listening = notifications.Subscribe(ViewChangeMessage.Topic, OnMessage);
    }

    /// <summary>Raised after the view changed, on the thread that changed it; handlers must not block.</summary>
    public event Action<ViewChange>? Changed;

    public IdentityState? Find(string region, string identity)
    {
        var data = Region(region);
        lock (data) return data.Identities.GetValueOrDefault(identity);
    }

    /// <summary>The region's identities, in no particular order (the shared snapshot: it does not follow later changes).</summary>
    public IReadOnlyList<IdentityState> Identities(string region) => Snapshot(region).All;

    /// <summary>The region's identities as of the last change, shared by every reader until the next change.</summary>
    public ViewSnapshot Snapshot(string region)
    {
        var data = Region(region);
        lock (data) return data.Snapshot;
    }

    public LoadProgress Progress(string region)
    {
        var data = Region(region);
        lock (data) return data.Progress;
    }

    /// <summary>Reads the saved view (at start, before the sweeper): pages show it at once.</summary>
    public async Task LoadSavedAsync(CancellationToken cancellationToken)
    {
        var saved = await store.LoadAllAsync(cancellationToken);
        foreach (var group in saved.GroupBy(s => s.Region, StringComparer.Ordinal))
        {
            var data = Region(group.Key);
            lock (data)
            {
                data.Touched();
                foreach (var item in group) data.Identities[item.State.Identity] = item.State;
                data.Known = data.Identities.Count > 0;
                // A saved view is a listing: pages show it (and sort it by status) at once while the sweeper refreshes it.
                data.Progress = new LoadProgress(data.Identities.Count, data.Identities.Count, CountRead(data), ListingComplete: data.Known);
            }
            await RaiseAsync(new ViewChange(group.Key, [.. group.Select(g => g.State.Identity)]), remote: false);
        }
    }

    /// <summary>One ListIdentities page of a round. New names are added; after the last page, names SES no longer lists go.</summary>
    public async Task<IReadOnlyList<HistoryEntry>> ListedAsync(string region, IReadOnlyList<string> page, bool firstPage, bool lastPage, CancellationToken cancellationToken)
    {
        var data = Region(region);
        var now = time.GetUtcNow();
        var added = new List<IdentityState>();
        var removed = new List<string>();
        var history = new List<HistoryEntry>();
        lock (data)
        {
            data.Touched();
            if (firstPage || data.ListedThisRound is null)
            {
                data.ListedThisRound = new HashSet<string>(StringComparer.Ordinal);
                data.ListingStartedAt = now;
            }
            foreach (var name in page)
            {
                data.ListedThisRound.Add(name);
                if (data.Identities.ContainsKey(name)) continue;
                var state = new IdentityState(name, IdentityState.TypeOf(name));
                data.Identities[name] = state;
                added.Add(state);
                if (data.Known && !data.Changing.ContainsKey(name)) history.Add(new HistoryEntry(region, name, now, HistoryKind.Outside, "Identity added outside the console", IsDrift: false));
            }
            if (lastPage)
            {
                // An identity the console added while this round was listing may be missing from earlier pages: keep it.
                foreach (var gone in data.Identities.Values.Where(s => !data.ListedThisRound.Contains(s.Identity) && !(s.ChangedAt >= data.ListingStartedAt) && !data.Changing.ContainsKey(s.Identity)).ToList())
                {
                    data.Identities.Remove(gone.Identity);
                    removed.Add(gone.Identity);
                    history.Add(new HistoryEntry(region, gone.Identity, now, HistoryKind.Outside, "Identity removed outside the console", gone.Verification == VerificationStatus.Success));
                }
                data.Known = true;
                data.ListedThisRound = null;
            }
            // Every identity the view holds counts: one a later round adds is listed but not yet read.
            data.Progress = new LoadProgress(data.Identities.Count, lastPage ? data.Identities.Count : data.Progress.AboutTotal, CountRead(data), data.Progress.ListingComplete || lastPage);
        }
        await store.SaveAsync(region, added, removed, cancellationToken);
        if (history.Count > 0) await store.AppendHistoryAsync(history, cancellationToken);
        // Published even when nothing was added: the other instances show the lister's (the leader's) progress.
        await RaiseAsync(new ViewChange(region, [.. added.Select(a => a.Identity), .. removed]), remote: true, Progress(region));
        return history;
    }

    /// <summary>
    /// SES's answer for one part of a batch asked at <paramref name="askedAt"/>. Each asked identity gets its read time;
    /// what changed is saved, compared for the history and told to the pages. For verification, an identity missing from
    /// the answer is no identity any more. An identity the console changed after the question keeps the console's value.
    /// </summary>
    public async Task<IReadOnlyList<HistoryEntry>> ReadAsync<T>(
        string region, ViewPart part, DateTimeOffset askedAt, IReadOnlyCollection<string> asked, IReadOnlyDictionary<string, T> answer,
        Func<IdentityState, T?, DateTimeOffset, IdentityState> apply, CancellationToken cancellationToken) where T : class
    {
        var data = Region(region);
        var now = time.GetUtcNow();
        var saved = new List<IdentityState>();
        var changed = new List<string>();
        var removed = new List<string>();
        var history = new List<HistoryEntry>();
        lock (data)
        {
            data.Touched();
            foreach (var name in asked)
            {
                if (!data.Identities.TryGetValue(name, out var before) || before.ChangedAt > askedAt || data.Changing.ContainsKey(name)) continue;
                var found = answer.GetValueOrDefault(name);
                if (found is null && part == ViewPart.Verification)
                {
                    data.Identities.Remove(name);
                    removed.Add(name);
                    history.Add(new HistoryEntry(region, name, now, HistoryKind.Outside, "Identity removed outside the console", before.Verification == VerificationStatus.Success));
                    continue;
                }
                var after = apply(before, found, now);
                data.Identities[name] = after;
                saved.Add(after);
                if (!SameContent(before, after)) changed.Add(name);
                history.AddRange(DriftRules.Compare(region, before, after, now));
            }
            data.Progress = data.Progress with { StatusRead = CountRead(data), Listed = Math.Max(data.Progress.Listed - removed.Count, 0) };
        }
        // When the view learned a change made outside it (console-10k times the open pages' update from this line).
        if (changed.Count > 0 && logger.IsEnabled(LogLevel.Debug))
            logger.LogDebug("The view of {Region} learned {Part} changes of {Identities}", region, part, string.Join(", ", changed.Take(10)));
        await store.SaveAsync(region, saved, removed, cancellationToken);
        if (history.Count > 0) await store.AppendHistoryAsync(history, cancellationToken);
        await RaiseAsync(new ViewChange(region, [.. changed, .. removed]), remote: changed.Count + removed.Count > 0);
        return history;
    }

    /// <summary>
    /// The console is about to change an identity in SES: until the handle is disposed, the sweeper's answers for it
    /// are left out, so SES's new value read before the view knows it is not mistaken for a change made elsewhere.
    /// </summary>
    public IDisposable ConsoleChanging(string region, string identity)
    {
        var data = Region(region);
        lock (data) data.Changing[identity] = data.Changing.GetValueOrDefault(identity) + 1;
        return new ChangeDone(() =>
        {
            lock (data)
            {
                if (data.Changing.TryGetValue(identity, out var count) && count > 1) data.Changing[identity] = count - 1;
                else data.Changing.Remove(identity);
            }
        });
    }

    /// <summary>The console changed an identity (set, disable, verify, publish): the view shows it at once and reads SES again first.</summary>
    public async Task ChangedByConsoleAsync(string region, string identity, Func<IdentityState, IdentityState> change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var data = Region(region);
        IdentityState after;
        lock (data)
        {
            data.Touched();
            var before = data.Identities.GetValueOrDefault(identity) ?? new IdentityState(identity, IdentityState.TypeOf(identity));
            after = change(before) with { ChangedAt = time.GetUtcNow() };
            data.Identities[identity] = after;
        }
        await store.SaveAsync(region, [after], [], cancellationToken);
        await RaiseAsync(new ViewChange(region, [identity]), remote: true);
    }

    public async Task RemovedByConsoleAsync(string region, string identity, CancellationToken cancellationToken = default)
    {
        var data = Region(region);
        lock (data)
        {
            data.Touched();
            if (!data.Identities.Remove(identity)) return;
            data.Progress = data.Progress with { Listed = Math.Max(data.Progress.Listed - 1, 0), StatusRead = CountRead(data) };
        }
        await store.SaveAsync(region, [], [identity], cancellationToken);
        await RaiseAsync(new ViewChange(region, [identity]), remote: true);
    }

    public Task<IReadOnlyList<HistoryEntry>> HistoryAsync(string region, string identity, CancellationToken cancellationToken = default) =>
        store.HistoryAsync(region, identity, 50, cancellationToken);

    public void Dispose() => listening.Dispose();

    private RegionData Region(string region)
    {
        lock (regions)
        {
            if (!regions.TryGetValue(region, out var data)) regions[region] = data = new RegionData();
            return data;
        }
    }

    private static int CountRead(RegionData data) => data.Identities.Values.Count(s => s.VerificationReadAt is not null && s.MailFromReadAt is not null);

    private async Task RaiseAsync(ViewChange change, bool remote, LoadProgress? listing = null)
    {
        Changed?.Invoke(change);
        if (!remote) return;
        try
        {
            foreach (var message in ViewChangeMessage.Encode(instance, change, listing, IChangeNotifications.MaximumPayloadLength))
                await notifications.PublishAsync(ViewChangeMessage.Topic, message, CancellationToken.None);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or TimeoutException or InvalidOperationException or ArgumentException)
        {
            // The change is saved; other instances read it at the sweeper's next write or their next load of it.
            logger.LogWarning(ex, "Telling the other instances about {Count} changed identities of {Region} failed", change.Identities.Count, change.Region);
        }
    }

    private void OnMessage(string payload)
    {
        if (!ViewChangeMessage.TryDecode(payload, instance, out var change, out var progress)) return;
        lock (listening) remoteChanges = remoteChanges.ContinueWith(_ => OnRemoteChangeAsync(change, progress), TaskScheduler.Default).Unwrap();
    }

    /// <summary>Another instance changed these identities: read them from the database and tell this instance's pages.</summary>
    private async Task OnRemoteChangeAsync(ViewChange change, LoadProgress? progress)
    {
        try
        {
            var fresh = await store.LoadAsync(change.Region, change.Identities, CancellationToken.None);
            var data = Region(change.Region);
            lock (data)
            {
                data.Touched();
                foreach (var name in change.Identities) data.Identities.Remove(name);
                foreach (var item in fresh) data.Identities[item.State.Identity] = item.State;
                data.Progress = (progress ?? data.Progress) with { StatusRead = CountRead(data) };
                if (progress?.ListingComplete == true) data.Known = true;
            }
            Changed?.Invoke(change);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A handler of a notification has no caller to report to; the next message about these identities repairs the view.
            logger.LogWarning(ex, "Reading {Count} identities of {Region} changed by another instance failed", change.Identities.Count, change.Region);
        }
    }

    private sealed class ChangeDone(Action done) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0) done();
        }
    }

    private static bool SameContent(IdentityState a, IdentityState b) =>
        a.Verification == b.Verification && a.VerificationToken == b.VerificationToken && Equals(a.MailFrom, b.MailFrom)
        && SameDkim(a.Dkim, b.Dkim) && Equals(a.Dns, b.Dns) && Equals(a.Readiness, b.Readiness) && a.ChangedAt == b.ChangedAt;

    private static bool SameDkim(IdentityDkimAttributes? a, IdentityDkimAttributes? b) =>
        a is null || b is null ? a is null && b is null
            : a.DkimEnabled == b.DkimEnabled && a.DkimVerificationStatus == b.DkimVerificationStatus && a.DkimTokens.SequenceEqual(b.DkimTokens);
}
