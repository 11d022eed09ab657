using MailFromConsole.Core.Diagnosis;

namespace MailFromConsole.Core.View;

/// <summary>
/// The DNS facts of a MAIL FROM domain that drift is judged on. A diagnosis that could not ask DNS (timeout, error
/// answer) is not conclusive: it says nothing about the records and is never compared.
/// </summary>
public sealed record DnsSnapshot(IReadOnlyList<string> MxHosts, bool SpfOk, bool Conclusive)
{
    public static DnsSnapshot From(DnsDiagnosis diagnosis)
    {
        ArgumentNullException.ThrowIfNull(diagnosis);
        var conclusive = !diagnosis.Findings.Any(f => f.Code.IsInconclusive());
        return new DnsSnapshot(
            diagnosis.MxHosts.Order(StringComparer.OrdinalIgnoreCase).ToList(),
            diagnosis.Has(DnsFindingCode.SpfOk),
            conclusive);
    }

    public bool Equals(DnsSnapshot? other) =>
        other is not null && SpfOk == other.SpfOk && Conclusive == other.Conclusive
        && MxHosts.SequenceEqual(other.MxHosts, StringComparer.OrdinalIgnoreCase);

    public override int GetHashCode() => HashCode.Combine(SpfOk, Conclusive, MxHosts.Count);
}
