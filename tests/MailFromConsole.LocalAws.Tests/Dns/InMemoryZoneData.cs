using System.Collections.Concurrent;
using MailFromConsole.Core.Route53;
using MailFromConsole.LocalAws.Dns;

namespace MailFromConsole.LocalAws.Tests.Dns;

/// <summary>Zone data held in memory, standing in for the SQLite store in DNS and detection tests.</summary>
internal sealed class InMemoryZoneData : IZoneData
{
    private readonly ConcurrentDictionary<string, List<ZoneRecord>> _zones = new();

    /// <summary>Called on every RecordsAt, so a test can change data while a query is being answered.</summary>
    public Action<string>? OnRecordsAt { get; set; }

    /// <summary>When set, every read throws it (a broken store).</summary>
    public Exception? Failure { get; set; }

    public InMemoryZoneData Zone(string apex)
    {
        _zones.TryAdd(DnsNames.Canonical(apex), []);
        return this;
    }

    public InMemoryZoneData Add(string name, string type, string value, long ttl = 300)
    {
        var canonical = DnsNames.Canonical(name);
        var apex = DnsNames.DeepestApex(_zones.Keys, canonical) ?? throw new InvalidOperationException($"no zone for {name}");
        lock (_zones[apex])
        {
            _zones[apex].Add(new ZoneRecord(canonical, type, ttl, value));
        }

        return this;
    }

    public void RemoveAll(string name, string type)
    {
        var canonical = DnsNames.Canonical(name);
        foreach (var records in _zones.Values)
        {
            lock (records)
            {
                records.RemoveAll(r => r.Name == canonical && r.Type == type);
            }
        }
    }

    public IReadOnlyList<string> ZoneApexes()
    {
        ThrowIfBroken();
        return [.. _zones.Keys];
    }

    public IReadOnlyList<ZoneRecord> RecordsAt(string zoneApex, string name)
    {
        ThrowIfBroken();
        OnRecordsAt?.Invoke(name);
        if (!_zones.TryGetValue(zoneApex, out var records))
        {
            return [];
        }

        lock (records)
        {
            return [.. records.Where(r => r.Name == name)];
        }
    }

    public bool HasRecordsBelow(string zoneApex, string name)
    {
        if (!_zones.TryGetValue(zoneApex, out var records))
        {
            return false;
        }

        lock (records)
        {
            return records.Any(r => DnsNames.IsBelow(r.Name, name));
        }
    }

    private void ThrowIfBroken()
    {
        if (Failure is not null)
        {
            throw Failure;
        }
    }
}
