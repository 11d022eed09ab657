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

/// <summary>What one TXT lookup at <c>_amazonses.&lt;domain&gt;</c> saw.</summary>
/// <param name="Values">Each TXT record's text, its character-strings joined.</param>
public sealed record TxtObservation(bool TimedOut, IReadOnlyList<string> Values)
{
    public static TxtObservation Timeout { get; } = new(true, []);

    public static TxtObservation Answer(params string[] values) => new(false, values);

    public bool Contains(string token) => !TimedOut && Values.Any(v => v.Trim() == token.Trim());
}
