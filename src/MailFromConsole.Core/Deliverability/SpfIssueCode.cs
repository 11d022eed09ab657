namespace MailFromConsole.Core.Deliverability;

public enum SpfIssueCode
{
    NoRecord,
    SeveralRecords,
    NoAmazonSes,
    TooManyLookups,
    TooManyVoidLookups,
    Loop,
    IncludeWithoutRecord,
    TooManyMxHosts,
    Unchecked,
    DnsFailed,
}
