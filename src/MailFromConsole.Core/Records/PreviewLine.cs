namespace MailFromConsole.Core.Records;

/// <summary>One record set in a plan, before → after (plain values).</summary>
public sealed record PreviewLine(string Name, string Type, PreviewLineKind Kind, IReadOnlyList<string> Before, IReadOnlyList<string> After);
