namespace MailFromConsole.Core.Diagnosis;

public enum FindingSeverity { Ok, Warning, Error }

/// <param name="Code">What the finding is about; <see cref="DnsFindingCodes"/> names the groups the console decides on.</param>
/// <param name="Message">Plain words, saying what to fix.</param>
public sealed record DnsFinding(FindingSeverity Severity, DnsFindingCode Code, string Message);

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

/// <summary>
/// Live DNS check of a MAIL FROM domain (DnsClient), explaining in plain words why setup would fail. A DNS failure
/// (timeout, error answer, unreachable server) is a finding (<c>Timeout</c>, <c>DnsError</c>), never an exception:
/// only the caller's cancellation throws.
/// </summary>
public interface IMailFromDnsDiagnostics
{
    Task<DnsDiagnosis> DiagnoseAsync(string mailFromDomain, string region, CancellationToken cancellationToken = default);
}

/// <summary>Which resolver the diagnosis asks: "system", or "host:port" (e.g. the local AWS DNS view).</summary>
public sealed class DnsResolverOptions
{
    public string Resolver { get; set; } = "system";
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(3);
}
