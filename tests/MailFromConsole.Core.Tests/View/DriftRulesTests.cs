using MailFromConsole.Core.Diagnosis;
using MailFromConsole.Core.Ses;
using MailFromConsole.Core.View;
using Microsoft.Extensions.Time.Testing;

namespace MailFromConsole.Core.Tests.View;

public sealed class DriftRulesTests
{
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    private IdentityState Success(DnsSnapshot? dns = null) => new("example.com", IdentityType.Domain)
    {
        Verification = VerificationStatus.Success,
        VerificationReadAt = time.GetUtcNow(),
        MailFrom = new IdentityMailFromDomainAttributes("mail.example.com", CustomMailFromStatus.Success, BehaviorOnMxFailure.UseDefaultValue),
        MailFromReadAt = time.GetUtcNow(),
        Dns = dns,
    };

    private static readonly DnsSnapshot Healthy = new(["feedback-smtp.us-east-1.amazonses.com"], SpfOk: true, Conclusive: true);

    [Fact]
    public void AnMxDeletedAfterSuccessIsDriftAndTheDashboardSeesSuccessButMxMissing()
    {
        var after = Success(Healthy with { MxHosts = [] });

        var entry = Assert.Single(DriftRules.Compare("us-east-1", Success(Healthy), after, time.GetUtcNow()));

        Assert.Equal(HistoryKind.Dns, entry.Kind);
        Assert.True(entry.IsDrift);
        Assert.Equal("MX record of mail.example.com is gone", entry.Text);
        Assert.True(after.IsSuccessWithMxMissing);
    }

    [Fact]
    public void AnMxDeletedIsStillDriftWhenSesNoticedItFirst()
    {
        var failed = new IdentityMailFromDomainAttributes("mail.example.com", CustomMailFromStatus.Failed, BehaviorOnMxFailure.UseDefaultValue);

        var entry = Assert.Single(DriftRules.Compare("us-east-1", Success(Healthy) with { MailFrom = failed }, Success(Healthy with { MxHosts = [] }) with { MailFrom = failed }, time.GetUtcNow()));

        Assert.Equal("MX record of mail.example.com is gone", entry.Text);
        Assert.True(entry.IsDrift);
    }

    [Fact]
    public void AnMxGoneDuringASetupThatIsStillPendingIsHistoryButNotDrift()
    {
        var pending = new IdentityMailFromDomainAttributes("mail.example.com", CustomMailFromStatus.Pending, BehaviorOnMxFailure.UseDefaultValue);

        var entry = Assert.Single(DriftRules.Compare("us-east-1", Success(Healthy) with { MailFrom = pending }, Success(Healthy with { MxHosts = [] }) with { MailFrom = pending }, time.GetUtcNow()));

        Assert.False(entry.IsDrift);
    }

    [Fact]
    public void ASecondMxAndALostSpfAreEachRecorded()
    {
        var after = Success(new DnsSnapshot(["feedback-smtp.us-east-1.amazonses.com", "mx.other.test"], SpfOk: false, Conclusive: true));

        var entries = DriftRules.Compare("us-east-1", Success(Healthy), after, time.GetUtcNow());

        Assert.Equal(["A second MX record appeared at mail.example.com: feedback-smtp.us-east-1.amazonses.com, mx.other.test",
            "SPF record of mail.example.com no longer includes amazonses.com"], entries.Select(e => e.Text));
        Assert.All(entries, e => Assert.True(e.IsDrift));
    }

    [Fact]
    public void ADnsCheckThatTimedOutSaysNothingAboutTheRecords()
    {
        var timedOut = DnsSnapshot.From(new DnsDiagnosis("mail.example.com", [new DnsFinding(FindingSeverity.Error, DnsFindingCode.Timeout, "DNS did not answer.")], [], []));

        Assert.False(timedOut.Conclusive);
        Assert.Empty(DriftRules.Compare("us-east-1", Success(Healthy), Success(timedOut), time.GetUtcNow()));
    }

    [Fact]
    public void SesMovingPendingToSuccessIsHistoryButNotDrift()
    {
        var pending = Success() with { MailFrom = new IdentityMailFromDomainAttributes("mail.example.com", CustomMailFromStatus.Pending, BehaviorOnMxFailure.UseDefaultValue) };

        var entry = Assert.Single(DriftRules.Compare("us-east-1", pending, Success(), time.GetUtcNow()));

        Assert.Equal(HistoryKind.Status, entry.Kind);
        Assert.Equal("MAIL FROM status Pending → Success", entry.Text);
        Assert.False(entry.IsDrift);
    }

    [Fact]
    public void SuccessToFailedIsDrift()
    {
        var failed = Success() with { MailFrom = new IdentityMailFromDomainAttributes("mail.example.com", CustomMailFromStatus.Failed, BehaviorOnMxFailure.UseDefaultValue) };

        Assert.True(Assert.Single(DriftRules.Compare("us-east-1", Success(), failed, time.GetUtcNow())).IsDrift);
    }

    [Fact]
    public void AMailFromDomainSesReportsThatTheViewDidNotHaveWasChangedOutsideTheConsole()
    {
        var terraform = Success() with { MailFrom = new IdentityMailFromDomainAttributes("bounce.example.com", CustomMailFromStatus.Pending, BehaviorOnMxFailure.RejectMessage) };

        var entry = Assert.Single(DriftRules.Compare("us-east-1", Success(), terraform, time.GetUtcNow()));

        Assert.Equal(HistoryKind.Outside, entry.Kind);
        Assert.Equal("MAIL FROM changed outside the console: mail.example.com (UseDefaultValue) → bounce.example.com (RejectMessage)", entry.Text);
    }

    [Fact]
    public void TheFirstReadOfAnIdentityIsNotAChange()
    {
        var neverRead = new IdentityState("example.com", IdentityType.Domain);

        Assert.Empty(DriftRules.Compare("us-east-1", neverRead, Success(Healthy), time.GetUtcNow()));
    }
}
