namespace MailFromConsole.Web.Features.View;

/// <summary>These identities of this region changed in the view (or their load progress did, when empty).</summary>
public sealed record ViewChange(string Region, IReadOnlyCollection<string> Identities);
