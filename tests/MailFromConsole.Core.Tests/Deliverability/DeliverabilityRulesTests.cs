using MailFromConsole.Core.Deliverability;
using MailFromConsole.Core.Ses;

namespace MailFromConsole.Core.Tests.Deliverability;

public sealed class DeliverabilityRulesTests
{
    private static readonly IdentityMailFromDomainAttributes MailFromSuccess = new("mail.example.com", CustomMailFromStatus.Success, BehaviorOnMxFailure.UseDefaultValue);
    private static readonly SpfCheck SpfPasses = new("mail.example.com", "v=spf1 include:amazonses.com ~all", 1, 0, true, []);
    private static readonly IdentityDkimAttributes DkimSuccess = new(true, VerificationStatus.Success, ["t1", "t2", "t3"]);

    [Fact]
    public void AlignedSpfAndDkimUnderARecordPassThroughBoth()
    {
        var facts = Facts();
        var verdict = Decide(facts);

        Assert.Equal(DeliverabilityOutcome.PassesThroughSpfAndDkim, verdict.Outcome);
        Assert.Equal("Mail from example.com passes DMARC through SPF and DKIM.", verdict.Summary);
        Assert.Empty(verdict.Gaps);
        Assert.Equal("Passes DMARC", DeliverabilityReadiness.From(facts, verdict).Label);
    }

    [Fact]
    public void WithoutACustomMailFromDomainSpfAlignsWithAmazonSesNotTheDomain()
    {
        var verdict = Decide(Facts() with { MailFrom = new IdentityMailFromDomainAttributes(null, null, BehaviorOnMxFailure.UseDefaultValue), MailFromSpf = null });

        Assert.Equal(DeliverabilityOutcome.PassesThroughDkimOnly, verdict.Outcome);
        var gap = Assert.Single(verdict.Gaps);
        Assert.Equal(DeliverabilityGapCode.NoMailFromDomain, gap.Code);
        Assert.Contains("Set a custom MAIL FROM domain such as mail.example.com", gap.Fix);
    }

    [Fact]
    public void StrictSpfAlignmentNeverAlignsACustomMailFromSubdomain()
    {
        var verdict = Decide(Facts(dmarc: "v=DMARC1; p=reject; aspf=s"));

        Assert.False(verdict.SpfAligned);
        Assert.True(verdict.DkimAligned);
        var gap = Assert.Single(verdict.Gaps);
        Assert.Equal(DeliverabilityGapCode.SpfNotAligned, gap.Code);
        Assert.Contains("aspf=s", gap.Problem);
        Assert.Contains("remove aspf=s", gap.Fix);
    }

    [Fact]
    public void ASubdomainIdentityAlignsRelaxedWithItsOwnMailFromAndStrictlyWithItsOwnDkim()
    {
        var facts = Facts(identity: "news.example.com", dmarc: "v=DMARC1; p=reject; adkim=s", inherited: true) with
        {
            MailFrom = MailFromSuccess with { MailFromDomain = "bounce.news.example.com" },
            MailFromSpf = SpfPasses with { Domain = "bounce.news.example.com" },
        };

        var verdict = Decide(facts);

        Assert.Equal(DeliverabilityOutcome.PassesThroughSpfAndDkim, verdict.Outcome);
        Assert.Equal("Mail from news.example.com passes DMARC through SPF and DKIM.", verdict.Summary);
    }

    [Fact]
    public void AnAddressSignedWithItsParentDomainsDkimFailsStrictDkimAlignment()
    {
        var facts = Facts(identity: "user@news.example.com", dmarc: "v=DMARC1; p=quarantine; adkim=s", inherited: true) with
        {
            DkimDomain = "example.com",
            MailFrom = new IdentityMailFromDomainAttributes(null, null, BehaviorOnMxFailure.UseDefaultValue),
            MailFromSpf = null,
        };

        var verdict = Decide(facts);

        Assert.Equal(DeliverabilityOutcome.Fails, verdict.Outcome);
        Assert.Contains("neither SPF nor DKIM aligns with news.example.com, so receivers apply p=quarantine", verdict.Summary);
        var dkim = Assert.Single(verdict.Gaps, g => g.Code == DeliverabilityGapCode.DkimNotAligned);
        Assert.Contains("signed as example.com, not news.example.com", dkim.Problem);
    }

    [Fact]
    public void TheSameParentSigningAlignsUnderRelaxedDkim()
    {
        var facts = Facts(identity: "user@news.example.com", inherited: true) with { DkimDomain = "example.com" };

        Assert.True(Decide(facts).DkimAligned);
    }

    [Fact]
    public void DkimMissingAndNoDmarcSaysBothAndHowToFixThem()
    {
        var facts = Facts(dmarc: null) with { Dkim = new IdentityDkimAttributes(false, VerificationStatus.NotStarted, []) };

        var verdict = Decide(facts);

        Assert.Equal(DeliverabilityOutcome.NoDmarcPolicy, verdict.Outcome);
        Assert.Equal("Mail from example.com is not checked against DMARC: example.com has no valid DMARC record.", verdict.Summary);
        Assert.Equal([DeliverabilityGapCode.DkimNotSetUp, DeliverabilityGapCode.NoDmarc], verdict.Gaps.Select(g => g.Code));
        Assert.Contains("Enable Easy DKIM for example.com", verdict.Gaps[0].Fix);
        Assert.Contains("v=DMARC1; p=none; rua=mailto:", verdict.Gaps[1].Fix);
        Assert.True(verdict.SpfAligned); // what would align once a record exists is still told
    }

    [Fact]
    public void PendingDkimWithCnamesMissingNamesTheMissingRecords()
    {
        var facts = Facts() with
        {
            Dkim = DkimSuccess with { DkimVerificationStatus = VerificationStatus.Pending },
            DkimCnames =
            [
                new DkimCnameCheck("t1._domainkey.example.com", "t1.dkim.amazonses.com", DkimCnameState.Published, "t1.dkim.amazonses.com"),
                new DkimCnameCheck("t2._domainkey.example.com", "t2.dkim.amazonses.com", DkimCnameState.Missing, null),
                new DkimCnameCheck("t3._domainkey.example.com", "t3.dkim.amazonses.com", DkimCnameState.WrongTarget, "t1.dkim.amazonses.com"),
            ],
        };

        var verdict = Decide(facts);

        Assert.Equal(DeliverabilityOutcome.PassesThroughSpfOnly, verdict.Outcome);
        var gap = Assert.Single(verdict.Gaps);
        Assert.Equal(DeliverabilityGapCode.DkimCnamesMissing, gap.Code);
        Assert.Contains("2 of the 3 DKIM CNAME records are not in DNS (t2._domainkey.example.com, t3._domainkey.example.com (points at t1.dkim.amazonses.com))", gap.Problem);
    }

    [Fact]
    public void PendingDkimWithAllCnamesPublishedOnlyNeedsTime()
    {
        var facts = Facts() with { Dkim = DkimSuccess with { DkimVerificationStatus = VerificationStatus.Pending } };

        Assert.Equal(DeliverabilityGapCode.DkimPending, Assert.Single(Decide(facts).Gaps).Code);
    }

    [Fact]
    public void VerifiedDkimWithSigningTurnedOffDoesNotAlign()
    {
        var verdict = Decide(Facts() with { Dkim = DkimSuccess with { DkimEnabled = false } });

        Assert.False(verdict.DkimAligned);
        Assert.Equal(DeliverabilityGapCode.DkimDisabled, Assert.Single(verdict.Gaps).Code);
    }

    [Fact]
    public void AMailFromDomainNotYetSuccessDoesNotAlign()
    {
        var verdict = Decide(Facts() with { MailFrom = MailFromSuccess with { MailFromDomainStatus = CustomMailFromStatus.Pending } });

        var gap = Assert.Single(verdict.Gaps);
        Assert.Equal(DeliverabilityGapCode.MailFromNotReady, gap.Code);
        Assert.Contains("mail.example.com is Pending at SES", gap.Problem);
    }

    [Fact]
    public void FailingSpfAtTheMailFromDomainQuotesWhy()
    {
        var spf = new SpfCheck("mail.example.com", "v=spf1 ~all", 0, 0, false,
            [new SpfIssue(Core.Diagnosis.FindingSeverity.Error, SpfIssueCode.NoAmazonSes, "does not include amazonses.com")]);

        var verdict = Decide(Facts() with { MailFromSpf = spf });

        var gap = Assert.Single(verdict.Gaps);
        Assert.Equal(DeliverabilityGapCode.SpfFails, gap.Code);
        Assert.Contains("does not include amazonses.com", gap.Problem);
    }

    [Fact]
    public void SeveralDmarcRecordsMeanNoPolicyEvenWhenEverythingAligns()
    {
        var dmarc = new DmarcLookup("example.com", DmarcLookupStatus.Several, "example.com", null, ["v=DMARC1; p=none", "v=DMARC1; p=reject"], "two records");

        var verdict = Decide(Facts() with { Dmarc = dmarc });

        Assert.False(verdict.Outcome.PassesDmarc());
        Assert.Equal(DeliverabilityGapCode.DmarcInvalid, Assert.Single(verdict.Gaps).Code);
    }

    private static DeliverabilityVerdict Decide(DeliverabilityFacts facts) => DeliverabilityRules.Decide(facts);

    private static DeliverabilityFacts Facts(string identity = "example.com", string? dmarc = "v=DMARC1; p=none; rua=mailto:dmarc@example.com", bool inherited = false)
    {
        var domain = identity[(identity.LastIndexOf('@') + 1)..];
        var policyDomain = inherited ? "example.com" : domain;
        var lookup = dmarc is null
            ? new DmarcLookup(domain, DmarcLookupStatus.None, policyDomain, null, [], $"There is no DMARC record at _dmarc.{policyDomain}.")
            : new DmarcLookup(domain, DmarcLookupStatus.Found, policyDomain, DmarcRecord.Parse(dmarc).Record, [dmarc], "found");
        var cnames = DkimSuccess.DkimTokens.Select(t => new DkimCnameCheck(DkimRecords.Name(domain, t), DkimRecords.Target(t), DkimCnameState.Published, DkimRecords.Target(t))).ToList();
        return new DeliverabilityFacts(identity, MailFromSuccess, SpfPasses, DkimSuccess, cnames, lookup);
    }
}
