namespace MailFromConsole.Benchmarks.Console10k;

/// <summary>From the change in SES until the view learned it (the sweeper's pace for an open identity), and from then until the pane showed it.</summary>
internal sealed record LiveResult(TimeSpan ViewLearned, TimeSpan PaneAfterView);
