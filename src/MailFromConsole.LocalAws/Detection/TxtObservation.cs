namespace MailFromConsole.LocalAws.Detection;

/// <summary>What one TXT lookup at <c>_amazonses.&lt;domain&gt;</c> saw.</summary>
/// <param name="Values">Each TXT record's text, its character-strings joined.</param>
public sealed record TxtObservation(bool TimedOut, IReadOnlyList<string> Values)
{
    public static TxtObservation Timeout { get; } = new(true, []);

    public static TxtObservation Answer(params string[] values) => new(false, values);

    public bool Contains(string token) => !TimedOut && Values.Any(v => v.Trim() == token.Trim());
}
