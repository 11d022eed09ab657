using MailFromConsole.Core.Records;
using MailFromConsole.Core.Ses;

namespace MailFromConsole.Core.Tests.Records;

public sealed class RequiredRecordsTests
{
    [Fact]
    public void RequiresExactlyOneMxToTheRegionsFeedbackHostAndTheSpfRecord()
    {
        var records = RequiredRecords.For("Mail.Example.com.", "eu-west-1");

        Assert.Equal(
            [
                new RequiredRecord("mail.example.com", "MX", "10 feedback-smtp.eu-west-1.amazonses.com"),
                new RequiredRecord("mail.example.com", "TXT", "v=spf1 include:amazonses.com ~all"),
            ],
            records);
    }

    [Fact]
    public void AtANameWithoutSpfTheSpfRecordIsAddedBesideOtherTxtValues()
    {
        var set = RequiredRecords.For("mail.example.com", "us-east-1", ["site-verification=abc"]);

        Assert.Equal(new RequiredRecord("mail.example.com", "TXT", RequiredRecords.SpfValue), set.Records[1]);
        Assert.Empty(set.Problems);
    }

    [Fact]
    public void AnExistingSpfRecordIsMergedAndNamedAsTheOneItReplaces()
    {
        var set = RequiredRecords.For("mail.example.com", "us-east-1", ["site-verification=abc", "v=spf1 include:_spf.example.net ~all"]);

        Assert.Equal(
            new RequiredRecord("mail.example.com", "TXT", "v=spf1 include:_spf.example.net include:amazonses.com ~all",
                Replaces: "v=spf1 include:_spf.example.net ~all"),
            set.Records[1]);
        Assert.Equal("10 feedback-smtp.us-east-1.amazonses.com", set.Records[0].Value);
    }

    [Fact]
    public void AnSpfRecordThatAlreadyIncludesSesIsKeptAsItIs()
    {
        var set = RequiredRecords.For("mail.example.com", "us-east-1", ["v=spf1 include:amazonses.com -all"]);

        Assert.Equal("v=spf1 include:amazonses.com -all", set.Records[1].Value);
        Assert.Equal(set.Records[1].Value, set.Records[1].Replaces);
    }

    [Fact]
    public void TwoSpfRecordsAreAProblemToFixFirstNotAThirdRecord()
    {
        var set = RequiredRecords.For("mail.example.com", "us-east-1", ["v=spf1 a ~all", "v=spf1 mx ~all"]);

        Assert.Contains(set.Problems, p => p.Contains("There are 2 SPF records"));
        Assert.Null(set.Records[1].Replaces);
    }

    [Fact]
    public void RefusesToBuildRecordsForAnInvalidName()
    {
        var error = Assert.Throws<ArgumentException>(() => RequiredRecords.For("mail..example.com", "us-east-1"));

        Assert.Contains("empty part", error.Message);
    }

    [Theory]
    [InlineData("us-east-1\nevil")]
    [InlineData("US EAST 1")]
    [InlineData("")]
    [InlineData("example.com")]
    public void RefusesARegionThatIsNotARegionCode(string region)
    {
        Assert.Throws<ArgumentException>(() => RequiredRecords.FeedbackHost(region));
    }

    [Theory]
    [InlineData("feedback-smtp.us-east-1.amazonses.com", true)]
    [InlineData("feedback-smtp.ap-southeast-2.amazonses.com", true)]
    [InlineData("feedback-smtp.us-gov-west-1.amazonses.com", true)]
    [InlineData("FEEDBACK-SMTP.EU-WEST-1.AMAZONSES.COM", true)]
    [InlineData("feedback-smtp.eu-central-1.amazonses.com.", true)]
    [InlineData(" feedback-smtp.me-south-1.amazonses.com ", true)]
    [InlineData("feedback-smtp.amazonses.com", false)]
    [InlineData("feedback-smtp.us-east-1.amazonses.com.example.com", false)]
    [InlineData("inbound-smtp.us-east-1.amazonaws.com", false)]
    [InlineData("feedback-smtp.us-east-1.amazonses.com.evil.net", false)]
    [InlineData("evil-feedback-smtp.us-east-1.amazonses.com", false)]
    [InlineData("feedback-smtp.useast1.amazonses.com", false)]
    [InlineData("mx1.example.com", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void RecognisesSesFeedbackHostsOfAnyRegion(string? host, bool expected)
    {
        Assert.Equal(expected, RequiredRecords.IsSesFeedbackHost(host!));
    }

    [Fact]
    public void UsesTheCustomMailFromOnceItIsSuccess()
    {
        var effective = RequiredRecords.Effective("us-east-1",
            new IdentityMailFromDomainAttributes("mail.example.com", CustomMailFromStatus.Success, BehaviorOnMxFailure.RejectMessage));

        Assert.Equal(EffectiveMailFromKind.Custom, effective.Kind);
        Assert.Equal("mail.example.com", effective.MailFromDomain);
    }

    [Theory]
    [InlineData(CustomMailFromStatus.Pending, "status Pending")]
    [InlineData(CustomMailFromStatus.Failed, "status Failed")]
    [InlineData(CustomMailFromStatus.TemporaryFailure, "status TemporaryFailure")]
    public void UsesTheRegionDefaultWhileNotSuccessWithUseDefaultValue(CustomMailFromStatus status, string phrase)
    {
        var effective = RequiredRecords.Effective("ap-southeast-2",
            new IdentityMailFromDomainAttributes("mail.example.com", status, BehaviorOnMxFailure.UseDefaultValue));

        Assert.Equal(EffectiveMailFromKind.RegionDefault, effective.Kind);
        Assert.Equal("ap-southeast-2.amazonses.com", effective.MailFromDomain);
        Assert.Contains("a subdomain of amazonses.com", effective.Explanation);
        Assert.Contains(phrase, effective.Explanation);
    }

    [Theory]
    [InlineData(CustomMailFromStatus.Pending)]
    [InlineData(CustomMailFromStatus.Failed)]
    [InlineData(CustomMailFromStatus.TemporaryFailure)]
    public void RejectsMailWhileNotSuccessWithRejectMessage(CustomMailFromStatus status)
    {
        var effective = RequiredRecords.Effective("us-east-1",
            new IdentityMailFromDomainAttributes("mail.example.com", status, BehaviorOnMxFailure.RejectMessage));

        Assert.Equal(EffectiveMailFromKind.Rejected, effective.Kind);
        Assert.Null(effective.MailFromDomain);
        Assert.Contains("MailFromDomainNotVerified", effective.Explanation);
    }

    [Fact]
    public void UsesTheRegionDefaultWhenNoMailFromIsSet()
    {
        var effective = RequiredRecords.Effective("us-east-1", new IdentityMailFromDomainAttributes(null, null, BehaviorOnMxFailure.RejectMessage));

        Assert.Equal(EffectiveMailFromKind.RegionDefault, effective.Kind);
        Assert.Equal("us-east-1.amazonses.com", effective.MailFromDomain);
        Assert.Contains("No custom MAIL FROM domain is set", effective.Explanation);
    }

    [Fact]
    public void WritesAZoneFileSnippetWithAbsoluteNamesAndAQuotedTxt()
    {
        var snippet = RequiredRecords.ZoneFileSnippet(RequiredRecords.For("mail.example.com", "us-east-1"));

        Assert.Equal(
            "mail.example.com.\t300\tIN\tMX\t10 feedback-smtp.us-east-1.amazonses.com.\n" +
            "mail.example.com.\t300\tIN\tTXT\t\"v=spf1 include:amazonses.com ~all\"\n",
            snippet);
    }

    [Fact]
    public void SplitsALongTxtIntoQuotedStringsOf255InTheZoneFile()
    {
        var value = "v=spf1 " + new string('a', 300) + " \"quoted\" ~all";

        var snippet = RequiredRecords.ZoneFileSnippet([new RequiredRecord("mail.example.com", "TXT", value)], ttl: 60);

        var rdata = snippet.Split('\t')[4].TrimEnd('\n');
        Assert.StartsWith("\"v=spf1 aaa", rdata);
        Assert.Contains("\" \"", rdata);
        Assert.Contains("\\\"quoted\\\"", rdata);
        Assert.Contains("\t60\tIN\tTXT\t", snippet);
    }
}
