namespace MailFromConsole.Core.Diagnosis;

/// <summary>What a DNS finding is about: a stable id for the UI, the tests and the console's decisions.</summary>
public enum DnsFindingCode
{
    InvalidName,
    InvalidRegion,
    Timeout,
    DnsError,
    Cname,
    NoMx,
    SeveralMx,
    WrongMxHost,
    ReceivesMail,
    MxOk,
    NoSpf,
    TwoSpf,
    SpfWithoutAmazonSes,
    SpfOk,
    SpfTooManyLookups,
}
