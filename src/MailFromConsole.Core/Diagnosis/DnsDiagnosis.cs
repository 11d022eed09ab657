namespace MailFromConsole.Core.Diagnosis;

/// <param name="MxHosts">MX hosts found (no trailing dot).</param>
/// <param name="TxtValues">TXT values found (plain text).</param>
public sealed record DnsDiagnosis(string MailFromDomain, IReadOnlyList<DnsFinding> Findings, IReadOnlyList<string> MxHosts, IReadOnlyList<string> TxtValues)
{
    public bool IsReady => Findings.All(f => f.Severity != FindingSeverity.Error);

    /// <summary>The first finding with one of <paramref name="codes"/>; null when there is none.</summary>
    public DnsFinding? Find(params DnsFindingCode[] codes) => Findings.FirstOrDefault(f => codes.Contains(f.Code));

    public bool Has(DnsFindingCode code) => Findings.Any(f => f.Code == code);

    /// <summary>Why DNS could not be asked (timeout, error answer); null when it answered.</summary>
    public DnsFinding? Unanswered => Findings.FirstOrDefault(f => f.Code.IsUnanswered());

    /// <summary>The first error that keeps (or takes) the MAIL FROM domain from Success on the MX side.</summary>
    public DnsFinding? MxProblem => Findings.FirstOrDefault(f => f.Severity == FindingSeverity.Error && f.Code.IsMxProblem());
}
