namespace MailFromConsole.Core.Deliverability;

/// <summary>A parsed DMARC record, or the syntax error that makes receivers ignore it, named in plain words.</summary>
public sealed record DmarcParseResult(DmarcRecord? Record, string? Error)
{
    public bool IsValid => Record is not null;
}
