using MailFromConsole.Core.Bulk;
using MailFromConsole.Core.Ses;
using MailFromConsole.Web.Features.Bulk;

namespace MailFromConsole.Web.Tests.Features.Bulk;

public sealed class BulkCsvTests
{
    [Fact]
    public void TheResultsCsvHasOneLinePerRowAndAFormulaInAnIdentityOrReasonStaysText()
    {
        var job = new BulkJobSummary(7, "us-east-1", "mail.{domain}", BehaviorOnMxFailure.UseDefaultValue, "otto", DateTimeOffset.UnixEpoch, null,
            BulkJobState.Finished, 2, 2, 1, 1, 0, null);
        var details = new BulkJobDetails(job,
        [
            new BulkJobRow(0, "example.com", "mail.example.com", "example.com", "SES: mail.example.com (UseDefaultValue)", BulkRowState.Done, "MAIL FROM set", "C1"),
            new BulkJobRow(1, "=HYPERLINK(\"http://evil\")", null, null, "Nothing", BulkRowState.Failed, "+cmd|' /C calc'!A0", null),
        ]);

        var lines = BulkCsv.Write(details).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(3, lines.Length);
        Assert.StartsWith("#,Identity,MAIL FROM Domain", lines[0]);
        Assert.Equal("1,example.com,mail.example.com,example.com,SES: mail.example.com (UseDefaultValue),Done,MAIL FROM set,C1", lines[1]);
        Assert.StartsWith("2,\"'=HYPERLINK(", lines[2]);
        Assert.Contains(",(by hand),Nothing,Failed,'+cmd", lines[2]);
    }
}
