namespace MailFromConsole.Core.Diagnosis;

/// <summary>The groups of finding codes the console decides on, named once instead of listed at each caller.</summary>
public static class DnsFindingCodes
{
    /// <summary>DNS did not give an answer (timeout, error answer): the records are neither there nor missing.</summary>
    public static bool IsUnanswered(this DnsFindingCode code) => code is DnsFindingCode.Timeout or DnsFindingCode.DnsError;

    /// <summary>The check could not be made at all: unanswered, or a name or region the diagnosis refused to ask about.</summary>
    public static bool IsInconclusive(this DnsFindingCode code) =>
        code.IsUnanswered() || code is DnsFindingCode.InvalidName or DnsFindingCode.InvalidRegion;

    /// <summary>The MX side of the setup is wrong: SES will not reach Success (or will leave it) until it is fixed.</summary>
    public static bool IsMxProblem(this DnsFindingCode code) =>
        code is DnsFindingCode.NoMx or DnsFindingCode.SeveralMx or DnsFindingCode.WrongMxHost or DnsFindingCode.ReceivesMail or DnsFindingCode.Cname;
}
