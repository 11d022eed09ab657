namespace MailFromConsole.Benchmarks.Console10k;

/// <summary>How long after navigation start the first rows were on screen, how many, and the progress bar's text then (null: none shown).</summary>
internal readonly record struct FirstRows(TimeSpan Elapsed, int Rows, string? Progress);
