namespace MailFromConsole.LocalAws.Store;

/// <summary>A hosted zone of an account as stored. <see cref="Name"/> is lower case with the trailing dot.</summary>
internal sealed record ZoneRow(string AccountId, string Id, string Name, string CallerReference, string? Comment, bool Private, long RecordSetCount);
