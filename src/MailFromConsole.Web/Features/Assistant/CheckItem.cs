namespace MailFromConsole.Web.Features.Assistant;

/// <summary>One line of a live check, in plain words.</summary>
/// <param name="Key">Stable id for the UI and tests (e.g. <c>mx-found</c>).</param>
/// <param name="Question">The question as a newcomer would ask it ("Is there an MX record?").</param>
/// <param name="Answer">The answer in plain words.</param>
/// <param name="Why">Technical detail for the "Why?" expander (the DNS diagnosis' own words); null when none.</param>
public sealed record CheckItem(string Key, string Question, CheckState State, string Answer, string? Why = null);
