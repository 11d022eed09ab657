namespace MailFromConsole.Benchmarks.Console10k;

/// <summary>
/// One page change as the tab saw it: from the click until the new rows were in the document (the circuit's answer
/// had arrived and been applied) and until the next frame after that (on screen, the measure of the goal).
/// </summary>
internal readonly record struct PageChange(TimeSpan RowsInDocument, TimeSpan OnScreen);
