using MailFromConsole.Core.Ses;
using MailFromConsole.LocalAws.Detection;

namespace MailFromConsole.LocalAws.Tests.Detection;

public sealed class DetectionRulesTests
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(72);
    private static readonly TimeSpan Early = TimeSpan.FromHours(1);
    private static readonly TimeSpan Late = TimeSpan.FromHours(73);

    private const string UsEast1 = "feedback-smtp.us-east-1.amazonses.com.";
    private const string EuWest1 = "feedback-smtp.eu-west-1.amazonses.com";
    private const string GovWest1 = "FEEDBACK-SMTP.US-GOV-WEST-1.AMAZONSES.COM.";

    public static TheoryData<string, CustomMailFromStatus, MxObservation, TimeSpan, CustomMailFromStatus> MailFromCases => new()
    {
        { "one MX to this region's host", CustomMailFromStatus.Pending, MxObservation.Answer(UsEast1), Early, CustomMailFromStatus.Success },
        { "one MX to another region's host", CustomMailFromStatus.Pending, MxObservation.Answer(EuWest1), Early, CustomMailFromStatus.Success },
        { "GovCloud host, upper case", CustomMailFromStatus.Pending, MxObservation.Answer(GovWest1), Early, CustomMailFromStatus.Success },
        { "right MX found just before the window ends", CustomMailFromStatus.Pending, MxObservation.Answer(UsEast1), Late, CustomMailFromStatus.Success },
        { "no MX yet", CustomMailFromStatus.Pending, MxObservation.Answer(), Early, CustomMailFromStatus.Pending },
        { "two MX, both SES", CustomMailFromStatus.Pending, MxObservation.Answer(UsEast1, EuWest1), Early, CustomMailFromStatus.Pending },
        { "MX to a mail server", CustomMailFromStatus.Pending, MxObservation.Answer("mx.example.com."), Early, CustomMailFromStatus.Pending },
        { "look-alike host", CustomMailFromStatus.Pending, MxObservation.Answer("feedback-smtp.us-east-1.amazonses.com.evil.example."), Early, CustomMailFromStatus.Pending },
        { "host without region", CustomMailFromStatus.Pending, MxObservation.Answer("feedback-smtp.amazonses.com."), Early, CustomMailFromStatus.Pending },
        { "DNS timeout", CustomMailFromStatus.Pending, MxObservation.Timeout, Early, CustomMailFromStatus.TemporaryFailure },
        { "answer after a timeout, still wrong", CustomMailFromStatus.TemporaryFailure, MxObservation.Answer(), Early, CustomMailFromStatus.Pending },
        { "answer after a timeout, right", CustomMailFromStatus.TemporaryFailure, MxObservation.Answer(UsEast1), Early, CustomMailFromStatus.Success },
        { "still wrong when the window ends", CustomMailFromStatus.Pending, MxObservation.Answer(), Late, CustomMailFromStatus.Failed },
        { "still timing out when the window ends", CustomMailFromStatus.TemporaryFailure, MxObservation.Timeout, Late, CustomMailFromStatus.Failed },
        { "window ends exactly now", CustomMailFromStatus.Pending, MxObservation.Answer(), Window, CustomMailFromStatus.Failed },
        { "failed is not checked again", CustomMailFromStatus.Failed, MxObservation.Answer(UsEast1), Early, CustomMailFromStatus.Failed },
        { "success stays while the MX is right", CustomMailFromStatus.Success, MxObservation.Answer(UsEast1), Late, CustomMailFromStatus.Success },
        { "success fails when the MX no longer exists", CustomMailFromStatus.Success, MxObservation.Answer(), Early, CustomMailFromStatus.Failed },
        { "success fails when a second MX appears", CustomMailFromStatus.Success, MxObservation.Answer(UsEast1, "mx.example.com."), Early, CustomMailFromStatus.Failed },
        { "success on a DNS timeout", CustomMailFromStatus.Success, MxObservation.Timeout, Late, CustomMailFromStatus.TemporaryFailure },
    };

    [Theory]
    [MemberData(nameof(MailFromCases))]
    public void NextMailFromStatusFollowsSesDetection(string situation, CustomMailFromStatus status, MxObservation observation, TimeSpan elapsed, CustomMailFromStatus expected)
    {
        _ = situation; // names the case in the test output
        Assert.Equal(expected, DetectionRules.NextMailFromStatus(status, observation, elapsed, Window));
    }

    public static TheoryData<string, VerificationStatus, TxtObservation, TimeSpan, VerificationStatus> VerificationCases => new()
    {
        { "token published", VerificationStatus.Pending, TxtObservation.Answer("tok3n"), Early, VerificationStatus.Success },
        { "token beside other regions' tokens", VerificationStatus.Pending, TxtObservation.Answer("other", "tok3n"), Early, VerificationStatus.Success },
        { "other token only", VerificationStatus.Pending, TxtObservation.Answer("other"), Early, VerificationStatus.Pending },
        { "token as part of a longer value", VerificationStatus.Pending, TxtObservation.Answer("xtok3nx"), Early, VerificationStatus.Pending },
        { "nothing yet", VerificationStatus.Pending, TxtObservation.Answer(), Early, VerificationStatus.Pending },
        { "DNS timeout", VerificationStatus.Pending, TxtObservation.Timeout, Early, VerificationStatus.TemporaryFailure },
        { "answer after a timeout", VerificationStatus.TemporaryFailure, TxtObservation.Answer("tok3n"), Early, VerificationStatus.Success },
        { "window ended", VerificationStatus.Pending, TxtObservation.Answer(), Late, VerificationStatus.Failed },
        { "already verified", VerificationStatus.Success, TxtObservation.Answer(), Late, VerificationStatus.Success },
        { "already failed", VerificationStatus.Failed, TxtObservation.Answer("tok3n"), Early, VerificationStatus.Failed },
    };

    [Theory]
    [MemberData(nameof(VerificationCases))]
    public void NextVerificationStatusFollowsSesDomainVerification(string situation, VerificationStatus status, TxtObservation observation, TimeSpan elapsed, VerificationStatus expected)
    {
        _ = situation; // names the case in the test output
        Assert.Equal(expected, DetectionRules.NextVerificationStatus(status, observation, "tok3n", elapsed, Window));
    }

    private static readonly string[] Tokens = ["aaaa", "bbbb", "cccc"];

    private static readonly CnameObservation[] AllPublished =
        [CnameObservation.Answer("aaaa.dkim.amazonses.com."), CnameObservation.Answer("BBBB.dkim.amazonses.com"), CnameObservation.Answer("cccc.dkim.amazonses.com.")];

    private static readonly CnameObservation[] TwoPublished =
        [CnameObservation.Answer("aaaa.dkim.amazonses.com."), CnameObservation.Answer(), CnameObservation.Answer("cccc.dkim.amazonses.com.")];

    public static TheoryData<string, VerificationStatus, CnameObservation[], TimeSpan, VerificationStatus> DkimCases => new()
    {
        { "all three CNAMEs published", VerificationStatus.Pending, AllPublished, Early, VerificationStatus.Success },
        { "two of three", VerificationStatus.Pending, TwoPublished, Early, VerificationStatus.Pending },
        { "tokens swapped between names", VerificationStatus.Pending,
            [CnameObservation.Answer("bbbb.dkim.amazonses.com."), CnameObservation.Answer("aaaa.dkim.amazonses.com."), CnameObservation.Answer("cccc.dkim.amazonses.com.")],
            Early, VerificationStatus.Pending },
        { "CNAME to a look-alike host", VerificationStatus.Pending,
            [CnameObservation.Answer("aaaa.dkim.amazonses.com.evil.example."), AllPublished[1], AllPublished[2]], Early, VerificationStatus.Pending },
        { "one lookup timed out", VerificationStatus.Pending, [AllPublished[0], CnameObservation.Timeout, AllPublished[2]], Early, VerificationStatus.TemporaryFailure },
        { "still missing when the window ends", VerificationStatus.Pending, TwoPublished, Late, VerificationStatus.Failed },
        { "published just before the window ends", VerificationStatus.TemporaryFailure, AllPublished, Late, VerificationStatus.Success },
        { "success stays while the records are there", VerificationStatus.Success, AllPublished, Late, VerificationStatus.Success },
        { "success fails when a record is gone", VerificationStatus.Success, TwoPublished, Early, VerificationStatus.Failed },
        { "success on a DNS timeout", VerificationStatus.Success, [CnameObservation.Timeout, AllPublished[1], AllPublished[2]], Early, VerificationStatus.TemporaryFailure },
        { "failed is not checked again", VerificationStatus.Failed, AllPublished, Early, VerificationStatus.Failed },
        { "not started is not checked", VerificationStatus.NotStarted, AllPublished, Early, VerificationStatus.NotStarted },
    };

    [Theory]
    [MemberData(nameof(DkimCases))]
    public void NextDkimStatusFollowsEasyDkimDetection(string situation, VerificationStatus status, CnameObservation[] observations, TimeSpan elapsed, VerificationStatus expected)
    {
        _ = situation; // names the case in the test output
        var setup = new DkimSetup(LocalAwsOptions.DefaultAccountId, "us-east-1", "example.com", Tokens, status, DateTimeOffset.UnixEpoch);
        Assert.Equal(expected, DetectionRules.NextDkimStatus(setup, observations, elapsed, Window));
    }
}
