namespace MailFromConsole.Core.Diagnosis;

public enum FindingSeverity { Ok, Warning, Error }

/// <param name="Code">Stable id for tests and UI (e.g. <c>NoMx</c>, <c>SeveralMx</c>, <c>WrongMxHost</c>, <c>Cname</c>,
/// <c>NoSpf</c>, <c>SpfWithoutAmazonSes</c>, <c>TwoSpf</c>, <c>ReceivesMail</c>, <c>Timeout</c>, <c>MxOk</c>, <c>SpfOk</c>).</param>
/// <param name="Message">Plain words, saying what to fix.</param>
public sealed record DnsFinding(FindingSeverity Severity, string Code, string Message);

/// <param name="MxHosts">MX hosts found (no trailing dot).</param>
/// <param name="TxtValues">TXT values found (plain text).</param>
public sealed record DnsDiagnosis(string MailFromDomain, IReadOnlyList<DnsFinding> Findings, IReadOnlyList<string> MxHosts, IReadOnlyList<string> TxtValues)
{
    public bool IsReady => Findings.All(f => f.Severity != FindingSeverity.Error);
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
