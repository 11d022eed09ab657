using MailFromConsole.Core.Records;
using MailFromConsole.Web.Features.Assistant.ManualDns;
namespace MailFromConsole.Web.Tests.Features.Assistant.ManualDns;

public sealed class RecordSetExportTests
{
    [Fact]
    public void CsvRecordSetHasTheSesHeaderAndOneRowPerRecordWithTheMxPrioritySplitOut()
    {
        var csv = RecordSetExport.Csv(RequiredRecords.For("mail.example.com", "eu-west-1"));

        Assert.Equal(
            "Name,Type,Priority,Value\r\n" +
            "mail.example.com,MX,10,feedback-smtp.eu-west-1.amazonses.com\r\n" +
            "mail.example.com,TXT,,v=spf1 include:amazonses.com ~all\r\n",
            csv);
    }

    [Fact]
    public void CsvQuotesFieldsWithCommasOrQuotesAndDefusesSpreadsheetFormulas()
    {
        var csv = RecordSetExport.Csv([new RequiredRecord("mail.example.com", "TXT", "=HYPERLINK(\"x\",\"y\")")]);

        Assert.EndsWith("mail.example.com,TXT,,\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"\r\n", csv);
    }

    [Fact]
    public void CsvDownloadLinkCarriesTheWholeCsv()
    {
        var records = RequiredRecords.For("mail.example.com", "us-east-1");

        var url = RecordSetExport.CsvDataUrl(records);

        Assert.StartsWith("data:text/csv;charset=utf-8,", url);
        Assert.Equal(RecordSetExport.Csv(records), Uri.UnescapeDataString(url["data:text/csv;charset=utf-8,".Length..]));
    }

    [Theory]
    [InlineData("mail.example.com", "example.com", "mail")]
    [InlineData("Mail.Example.com.", "example.com.", "mail")]
    [InlineData("mail.shop.example.com", "example.com", "mail.shop")]
    [InlineData("example.com", "example.com", "@")]
    [InlineData("mail.example.org", "example.com", "mail.example.org")]
    public void HostFieldIsTheNameWithoutTheZone(string name, string zone, string expected) =>
        Assert.Equal(expected, RecordSetExport.HostField(name, zone));

    [Fact]
    public void EveryProviderGuideNamesTheHostFieldTrapAndTheOneSpfRecordRule()
    {
        var forms = RecordSetExport.ForForms(RequiredRecords.For("mail.example.com", "us-east-1"), "example.com");

        var guides = DnsProviderGuides.For(forms, "example.com");

        Assert.Equal(["route53-other", "cloudflare", "godaddy", "google-cloud-dns", "azure-dns", "generic"], guides.Select(g => g.Key));
        foreach (var guide in guides)
        {
            Assert.Contains(guide.Traps, t => t.Contains("\"mail\"") && t.Contains("mail.example.com.example.com"));
            Assert.Contains(guide.Traps, t => t.Contains("include:amazonses.com") && t.Contains("second"));
            Assert.Contains(guide.Steps, s => s.Contains("feedback-smtp.us-east-1.amazonses.com"));
            Assert.Contains(guide.Steps.Concat(guide.Traps), s => s.Contains("quote", StringComparison.OrdinalIgnoreCase));
        }
    }
}
