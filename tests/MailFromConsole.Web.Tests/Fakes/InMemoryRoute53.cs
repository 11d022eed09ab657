using System.Collections.Concurrent;
using MailFromConsole.Core;
using MailFromConsole.Core.Route53;
using MailFromConsole.LocalAws.Dns;

namespace MailFromConsole.Web.Tests.Fakes;

/// <summary>
/// In-memory Route 53 at the console's edge (IRoute53Client) that applies change batches as AWS does: atomic,
/// CREATE of an existing set fails, DELETE must match the current set exactly; changes go PENDING → INSYNC.
/// </summary>
public sealed class InMemoryRoute53 : IRoute53Client, IZoneData
{
    /// <summary>Zones the DNS view serves that are not in this account (another DNS provider).</summary>
    private readonly Dictionary<string, List<ResourceRecordSet>> outside = [];

    private readonly object gate = new();
    private readonly List<HostedZone> zones = [];
    private readonly Dictionary<string, List<ResourceRecordSet>> records = [];
    private readonly ConcurrentDictionary<string, int> changeReads = new();
    private AwsServiceException? failNext;

    public List<IReadOnlyList<RecordSetChange>> Batches { get; } = [];

    public HostedZone AddZone(string apex, bool privateZone = false)
    {
        var zone = new HostedZone($"Z{zones.Count + 1:D4}TEST", apex.TrimEnd('.').ToLowerInvariant() + ".", privateZone, 2);
        lock (gate)
        {
            zones.Add(zone);
            records[zone.Id] = [];
        }
        return zone;
    }

    /// <summary>Puts a record set in place directly (as another user or tool would).</summary>
    public void Put(HostedZone zone, string name, string type, params string[] values)
    {
        lock (gate)
        {
            var list = records[zone.Id];
            list.RemoveAll(r => r.Name == Fqdn(name) && r.Type == type);
            list.Add(new ResourceRecordSet(Fqdn(name), type, 300, values));
        }
    }

    public IReadOnlyList<string> ValuesAt(HostedZone zone, string name, string type)
    {
        lock (gate) return records[zone.Id].FirstOrDefault(r => r.Name == Fqdn(name) && r.Type == type)?.Values ?? [];
    }

    /// <summary>A zone at another DNS provider: resolvable, but not in this account's Route 53.</summary>
    public void PutOutside(string apex, string name, string type, params string[] values)
    {
        lock (gate)
        {
            var key = Fqdn(apex);
            if (!outside.TryGetValue(key, out var list)) outside[key] = list = [];
            list.RemoveAll(r => r.Name == Fqdn(name) && r.Type == type);
            list.Add(new ResourceRecordSet(Fqdn(name), type, 300, values));
        }
    }

    public IReadOnlyList<string> ZoneApexes()
    {
        lock (gate) return zones.Select(z => z.Name).Concat(outside.Keys).ToList();
    }

    public IReadOnlyList<ZoneRecord> RecordsAt(string zoneApex, string name)
    {
        lock (gate)
        {
            var zone = zones.FirstOrDefault(z => z.Name == zoneApex);
            var sets = zone is not null ? records[zone.Id] : outside.GetValueOrDefault(zoneApex) ?? [];
            return sets.Where(r => r.Name == Fqdn(name))
                .SelectMany(r => r.Values.Select(v => new ZoneRecord(r.Name, r.Type, r.Ttl, v)))
                .ToList();
        }
    }

    public void FailNext(string code, string message) => FailNext(new AwsServiceException("Route53", code, message, 400, "req-test"));

    public void FailNext(AwsServiceException error) => failNext = error;

    /// <summary>The next change is applied, but its answer is lost on the way back (as the wire client reports it).</summary>
    public void LoseNextAnswer() => loseNextAnswer = true;

    private bool loseNextAnswer;

    /// <summary>Every Route 53 operation called, in order (a refused change must leave no trace here).</summary>
    public ConcurrentQueue<string> Calls { get; } = new();

    private void Check([System.Runtime.CompilerServices.CallerMemberName] string operation = "")
    {
        Calls.Enqueue(operation.EndsWith("Async", StringComparison.Ordinal) ? operation[..^5] : operation);
        var ex = Interlocked.Exchange(ref failNext, null);
        if (ex is not null) throw ex;
    }

    public Task<HostedZonesPage> ListHostedZonesByNameAsync(string? dnsName, string? hostedZoneId, int? maxItems, CancellationToken cancellationToken = default)
    {
        Check();
        lock (gate) return Task.FromResult(new HostedZonesPage(zones.ToList(), false, null, null));
    }

    public Task<HostedZone?> FindPublicHostedZoneAsync(string domainName, CancellationToken cancellationToken = default)
    {
        Check();
        var labels = domainName.TrimEnd('.').ToLowerInvariant().Split('.');
        lock (gate)
        {
            for (var i = 0; i < labels.Length; i++)
            {
                var candidate = string.Join('.', labels.Skip(i)) + ".";
                var zone = zones.FirstOrDefault(z => !z.PrivateZone && z.Name == candidate);
                if (zone is not null) return Task.FromResult<HostedZone?>(zone);
            }
        }
        return Task.FromResult<HostedZone?>(null);
    }

    public Task<IReadOnlyList<ResourceRecordSet>> ListResourceRecordSetsAsync(string hostedZoneId, string? startRecordName, string? startRecordType, CancellationToken cancellationToken = default)
    {
        Check();
        lock (gate)
        {
            if (!records.TryGetValue(hostedZoneId, out var list)) throw new AwsServiceException("Route53", "NoSuchHostedZone", $"No hosted zone found with ID: {hostedZoneId}", 404, "req-test");
            IReadOnlyList<ResourceRecordSet> result = list
                .OrderBy(r => string.Join('.', r.Name.TrimEnd('.').Split('.').Reverse()), StringComparer.Ordinal)
                .ThenBy(r => r.Type, StringComparer.Ordinal)
                .SkipWhile(r => startRecordName is not null && string.CompareOrdinal(string.Join('.', r.Name.TrimEnd('.').Split('.').Reverse()), string.Join('.', startRecordName.TrimEnd('.').Split('.').Reverse())) < 0)
                .ToList();
            return Task.FromResult(result);
        }
    }

    public Task<ChangeInfo> ChangeResourceRecordSetsAsync(string hostedZoneId, IReadOnlyList<RecordSetChange> changes, string? comment, CancellationToken cancellationToken = default)
    {
        Check();
        lock (gate)
        {
            var working = records[hostedZoneId].ToList();
            foreach (var change in changes)
            {
                var set = change.RecordSet;
                var existing = working.FirstOrDefault(r => r.Name == set.Name && r.Type == set.Type);
                switch (change.Action)
                {
                    case ChangeAction.Create when existing is not null:
                        throw Invalid($"Tried to create resource record set [name='{set.Name}', type='{set.Type}'] but it already exists");
                    case ChangeAction.Create:
                        working.Add(set);
                        break;
                    case ChangeAction.Delete when existing is null || existing.Ttl != set.Ttl || !existing.Values.SequenceEqual(set.Values):
                        throw Invalid($"Tried to delete resource record set [name='{set.Name}', type='{set.Type}'] but the values provided do not match the current values");
                    case ChangeAction.Delete:
                        working.Remove(existing);
                        break;
                    case ChangeAction.Upsert:
                        if (existing is not null) working.Remove(existing);
                        working.Add(set);
                        break;
                }
            }
            records[hostedZoneId] = working;
            Batches.Add(changes);
            if (loseNextAnswer)
            {
                loseNextAnswer = false;
                throw new AwsServiceException("Route53", "NetworkError", "The response ended prematurely.", 0, null) { OutcomeUnknown = true };
            }
            var id = $"C{Batches.Count:D4}";
            return Task.FromResult(new ChangeInfo(id, ChangeStatus.Pending, DateTimeOffset.UtcNow, comment));
        }
    }

    /// <summary>While set, every change stays PENDING (Route 53 still applying it); a test clears it to let changes finish.</summary>
    public bool HoldChangesPending { get; set; }

    /// <summary>First read of a change says PENDING, the next INSYNC (unless <see cref="HoldChangesPending"/>).</summary>
    public async Task<ChangeInfo> GetChangeAsync(string changeId, CancellationToken cancellationToken = default)
    {
        Check();
        var reads = changeReads.AddOrUpdate(changeId, 1, (_, n) => n + 1);
        // A held answer takes a moment, as over the network: the tests' zero poll interval must not spin the renderer's thread.
        if (HoldChangesPending) await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        var inSync = reads >= 2 && !HoldChangesPending;
        return new ChangeInfo(changeId, inSync ? ChangeStatus.InSync : ChangeStatus.Pending, DateTimeOffset.UtcNow, null);
    }

    private static AwsServiceException Invalid(string message) => new("Route53", "InvalidChangeBatch", $"[{message}]", 400, "req-test");

    private static string Fqdn(string name) => name.TrimEnd('.').ToLowerInvariant() + ".";
}
