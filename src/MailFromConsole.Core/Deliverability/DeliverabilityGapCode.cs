namespace MailFromConsole.Core.Deliverability;

public enum DeliverabilityGapCode
{
    NoMailFromDomain,
    MailFromNotReady,
    SpfFails,
    SpfNotAligned,
    DkimNotSetUp,
    DkimCnamesMissing,
    DkimPending,
    DkimFailed,
    DkimDisabled,
    DkimNotAligned,
    NoDmarc,
    DmarcInvalid,
    DmarcUnchecked,
}
