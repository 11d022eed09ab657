namespace MailFromConsole.LocalAws.Detection;

/// <summary>What one MX lookup of a MAIL FROM domain saw.</summary>
/// <param name="TimedOut">No usable answer (timeout, server failure): SES cannot tell, which is a TemporaryFailure.</param>
/// <param name="Hosts">The MX targets found (empty for NXDOMAIN, NODATA or a name outside every zone).</param>
public sealed record MxObservation(bool TimedOut, IReadOnlyList<string> Hosts)
{
    public static MxObservation Timeout { get; } = new(true, []);

    public static MxObservation Answer(params string[] hosts) => new(false, hosts);

    /// <summary>Exactly one MX, and it points at an SES feedback host of any region.</summary>
    public bool IsCorrect => !TimedOut && Hosts.Count == 1 && SesFeedbackHost.Is(Hosts[0]);
}
