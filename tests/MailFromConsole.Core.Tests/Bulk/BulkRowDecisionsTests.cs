using MailFromConsole.Core.Bulk;
using MailFromConsole.Core.Ses;

namespace MailFromConsole.Core.Tests.Bulk;

public sealed class BulkRowDecisionsTests
{
    private const string Wanted = "mail.example.com";

    private static IdentityMailFromDomainAttributes Setting(string domain, BehaviorOnMxFailure behavior = BehaviorOnMxFailure.UseDefaultValue) =>
        new(domain, CustomMailFromStatus.Pending, behavior);

    [Fact]
    public void ARowWhoseSettingIsStillTheReviewedOneIsSent() =>
        Assert.Equal(MailFromStep.Send, BulkRowDecisions.Next(null, null, null, Wanted, BehaviorOnMxFailure.UseDefaultValue));

    [Fact]
    public void ARowLeftSendingByACrashThatSesAppliedIsDoneWithoutASecondCall() =>
        Assert.Equal(MailFromStep.AlreadySet, BulkRowDecisions.Next(Setting("MAIL.example.com"), null, null, Wanted, BehaviorOnMxFailure.UseDefaultValue));

    [Fact]
    public void TheSameDomainWithAnotherBehaviourIsStillSent() =>
        Assert.Equal(MailFromStep.Send, BulkRowDecisions.Next(Setting(Wanted), Wanted, BehaviorOnMxFailure.UseDefaultValue, Wanted, BehaviorOnMxFailure.RejectMessage));

    [Fact]
    public void ASettingSomeoneElseChangedSinceTheReviewIsNotOverwritten() =>
        Assert.Equal(MailFromStep.ChangedMeanwhile, BulkRowDecisions.Next(Setting("bounce.example.com"), null, null, Wanted, BehaviorOnMxFailure.UseDefaultValue));

    [Fact]
    public void TheEtaIsTheRowsLeftAtTheMeasuredPaceButNeverFasterThanSesAllows()
    {
        var second = TimeSpan.FromSeconds(1);

        Assert.Equal(TimeSpan.FromSeconds(100), JobEta.Remaining(100, 0, TimeSpan.Zero, second));
        Assert.Equal(TimeSpan.FromSeconds(100), JobEta.Remaining(100, 50, TimeSpan.FromSeconds(10), second));
        Assert.Equal(TimeSpan.FromSeconds(200), JobEta.Remaining(100, 50, TimeSpan.FromSeconds(100), second));
        Assert.Equal(TimeSpan.Zero, JobEta.Remaining(0, 50, TimeSpan.FromSeconds(100), second));
    }
}
