namespace MailFromConsole.Core.Diagnosis;

/// <summary>
/// Live DNS check of a MAIL FROM domain (DnsClient), explaining in plain words why setup would fail. A DNS failure
/// (timeout, error answer, unreachable server) is a finding (<c>Timeout</c>, <c>DnsError</c>), never an exception:
/// only the caller's cancellation throws.
/// </summary>
public interface IMailFromDnsDiagnostics
{
    Task<DnsDiagnosis> DiagnoseAsync(string mailFromDomain, string region, CancellationToken cancellationToken = default);
}
