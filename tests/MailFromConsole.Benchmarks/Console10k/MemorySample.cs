namespace MailFromConsole.Benchmarks.Console10k;

/// <summary>Memory of the console after induced full GCs: resident set, its private part, and the managed heap.</summary>
internal readonly record struct MemorySample(long RssKib, long RssAnonKib, long GcHeapBytes);
