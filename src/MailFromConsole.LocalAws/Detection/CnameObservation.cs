namespace MailFromConsole.LocalAws.Detection;

/// <summary>What one CNAME lookup saw.</summary>
/// <param name="TimedOut">No usable answer (timeout, server failure): SES cannot tell, which is a TemporaryFailure.</param>
/// <param name="Targets">The CNAME targets found (empty for NXDOMAIN, NODATA or a name outside every zone).</param>
public sealed record CnameObservation(bool TimedOut, IReadOnlyList<string> Targets)
{
    public static CnameObservation Timeout { get; } = new(true, []);

    public static CnameObservation Answer(params string[] targets) => new(false, targets);

    /// <summary>Exactly one CNAME, to <paramref name="host"/> (case-insensitive, trailing dot allowed).</summary>
    public bool PointsAt(string host) =>
        !TimedOut && Targets.Count == 1 && string.Equals(Targets[0].Trim().TrimEnd('.'), host.TrimEnd('.'), StringComparison.OrdinalIgnoreCase);
}
