using MailFromConsole.Web.Features.Audit;

namespace MailFromConsole.Web.Tests.Features.Audit;

public sealed class AuditCsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\")", "\"'=HYPERLINK(\"\"http://evil.example\"\")\"")]
    [InlineData("+1+2", "'+1+2")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\r\nlines", "\"two\r\nlines\"")]
    [InlineData("mail.example.com", "mail.example.com")]
    [InlineData("user=x@example.com", "user=x@example.com")]
    [InlineData("", "")]
    [InlineData(";=1+1", ";'=1+1")]
    [InlineData("＝1+1", "'＝1+1")]
    [InlineData("  =1+1", "  '=1+1")]
    [InlineData("ok|+cmd", "ok|'+cmd")]
    [InlineData("a, -1", "\"a, '-1\"")]
    [InlineData("x;\u3000＠SUM(A1)", "x;\u3000'＠SUM(A1)")]
    [InlineData("from 127.0.0.1; fine", "from 127.0.0.1; fine")]
    public void CellIsSafeForSpreadsheetsAndValidCsv(string value, string expected) =>
        Assert.Equal(expected, AuditCsv.Cell(value));

    [Fact]
    public void RowHasTheTimeInUtcAndEveryColumnInOrder()
    {
        var row = AuditCsv.Row(new AuditEntry
        {
            At = new DateTimeOffset(2026, 11, 25, 10, 30, 0, TimeSpan.FromHours(2)),
            User = "otto",
            Region = "us-east-1",
            Identity = "example.com",
            Action = AuditActions.SetMailFromDomain,
            Before = null,
            After = "mail.example.com",
            ChangeId = "/change/C1",
            Result = AuditResults.Success,
        });

        Assert.Equal("2026-11-25T08:30:00.000Z,otto,us-east-1,example.com,SetMailFromDomain,,mail.example.com,/change/C1,Success,\r\n", row);
        Assert.Equal(AuditCsv.Header.Length, row.Split(',').Length);
    }
}
