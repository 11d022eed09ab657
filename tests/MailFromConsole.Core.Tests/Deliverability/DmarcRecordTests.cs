using MailFromConsole.Core.Deliverability;

namespace MailFromConsole.Core.Tests.Deliverability;

public sealed class DmarcRecordTests
{
    [Fact]
    public void ReadsEveryTagReceiversUse()
    {
        var record = Valid("v=DMARC1; p=quarantine; sp=reject; pct=50; rua=mailto:agg@example.com,mailto:dmarc@thirdparty.example!10m; ruf=mailto:forensic@example.com; aspf=s; adkim=r");

        Assert.Equal(DmarcPolicy.Quarantine, record.Policy);
        Assert.Equal(DmarcPolicy.Reject, record.SubdomainPolicy);
        Assert.Equal(50, record.Percent);
        Assert.Equal(["mailto:agg@example.com", "mailto:dmarc@thirdparty.example"], record.AggregateReportUris);
        Assert.Equal(["mailto:forensic@example.com"], record.FailureReportUris);
        Assert.Equal(AlignmentMode.Strict, record.SpfAlignment);
        Assert.Equal(AlignmentMode.Relaxed, record.DkimAlignment);
    }

    [Fact]
    public void DefaultsAreRelaxedAlignmentAllMailAndThePolicyForSubdomains()
    {
        var record = Valid("v=DMARC1;p=reject");

        Assert.Equal(100, record.Percent);
        Assert.Equal(AlignmentMode.Relaxed, record.SpfAlignment);
        Assert.Equal(AlignmentMode.Relaxed, record.DkimAlignment);
        Assert.Null(record.SubdomainPolicy);
        Assert.Equal(DmarcPolicy.Reject, record.PolicyFor(subdomain: true));
        Assert.Empty(record.AggregateReportUris);
    }

    [Fact]
    public void SubdomainsGetTheSpPolicyWhenThereIsOne()
    {
        var record = Valid("v=DMARC1; p=reject; sp=none");

        Assert.Equal(DmarcPolicy.Reject, record.PolicyFor(subdomain: false));
        Assert.Equal(DmarcPolicy.None, record.PolicyFor(subdomain: true));
    }

    [Fact]
    public void TagNamesAndPolicyValuesIgnoreCaseAndSpacesAndATrailingSemicolon()
    {
        var record = Valid("v = DMARC1 ;  P = Reject ; ADKIM=S ;");

        Assert.Equal(DmarcPolicy.Reject, record.Policy);
        Assert.Equal(AlignmentMode.Strict, record.DkimAlignment);
    }

    [Theory]
    [InlineData("v=DMARC1; p=none; rua=mailto:a@example.com", true)]
    [InlineData("v=dmarc1; p=none", false)] // the version value is case-sensitive
    [InlineData("v=spf1 include:amazonses.com ~all", false)]
    [InlineData("p=none; v=DMARC1", false)] // v= must come first
    [InlineData("some-site-verification=abc", false)]
    [InlineData("", false)]
    public void OnlyValuesStartingWithTheVersionTagAreDmarcRecords(string value, bool isDmarc) =>
        Assert.Equal(isDmarc, DmarcRecord.IsDmarc(value));

    [Theory]
    [InlineData("v=DMARC1; rua=mailto:a@example.com", "has no p= tag")]
    [InlineData("v=DMARC1; p=monitor", "p=monitor is not none, quarantine or reject")]
    [InlineData("v=DMARC1; p=none; sp=block", "sp=block is not none, quarantine or reject")]
    [InlineData("v=DMARC1; p=none; pct=150", "pct=150 is not a whole number from 0 to 100")]
    [InlineData("v=DMARC1; p=none; pct=-5", "pct=-5 is not a whole number")]
    [InlineData("v=DMARC1; p=none; pct=half", "pct=half is not a whole number")]
    [InlineData("v=DMARC1; p=none; aspf=strict", "aspf=strict is not r (relaxed) or s (strict)")]
    [InlineData("v=DMARC1; p=none; adkim=x", "adkim=x is not r (relaxed) or s (strict)")]
    [InlineData("v=DMARC1; p=none; rua=dmarc@example.com", "rua= holds \"dmarc@example.com\", which is not a mailto: address")]
    [InlineData("v=DMARC1; p=none; ruf=mailto:", "ruf= holds \"mailto:\"")]
    [InlineData("v=DMARC1; p=none; p=reject", "the tag p= appears twice")]
    [InlineData("v=DMARC1; p=none; reject", "the part \"reject\" is not a tag=value pair")]
    [InlineData("v=DMARC2; p=none", "it does not start with v=DMARC1")]
    public void SyntaxErrorsAreNamedInTheMessage(string value, string named)
    {
        var result = DmarcRecord.Parse(value);

        Assert.False(result.IsValid);
        Assert.StartsWith("The DMARC record is invalid and receivers ignore it: ", result.Error);
        Assert.Contains(named, result.Error);
    }

    [Fact]
    public void ControlCharactersInAnErrorAreShownEscaped()
    {
        var result = DmarcRecord.Parse("v=DMARC1; p=no\r\nne");

        Assert.Contains("p=no\\r\\nne", result.Error);
        Assert.DoesNotContain("\n", result.Error);
    }

    private static DmarcRecord Valid(string value)
    {
        var result = DmarcRecord.Parse(value);
        Assert.True(result.IsValid, result.Error);
        return result.Record!;
    }
}
