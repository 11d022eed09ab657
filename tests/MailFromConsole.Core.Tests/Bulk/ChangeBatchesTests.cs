using MailFromConsole.Core.Bulk;
using MailFromConsole.Core.Records;
using MailFromConsole.Core.Route53;

namespace MailFromConsole.Core.Tests.Bulk;

public sealed class ChangeBatchesTests
{
    private static IReadOnlyList<RecordSetChange> NewMailFrom(int i) =>
        RecordSetPlanner.MailFrom($"mail.d{i}.example.com", "us-east-1", []).Changes;

    [Fact]
    public void TheRecordsOfManyNamesInOneZoneGoInOneBatchWhileUnderTheLimits()
    {
        var batches = ChangeBatches.Pack(Enumerable.Range(0, 200), NewMailFrom);

        Assert.Single(batches);
        Assert.Equal(200, batches[0].Count);
    }

    [Fact]
    public void NoBatchPassesRoute53sLimitsEachIsFullAndEachNameStaysWhole()
    {
        // Each new MAIL FROM domain is one MX and one TXT record: 1,200 names are 2,400 records, ~91,000 characters.
        var batches = ChangeBatches.Pack(Enumerable.Range(0, 1200), NewMailFrom);

        int Records(IEnumerable<int> names) => names.Sum(i => NewMailFrom(i).Sum(ChangeBatches.Records));
        int Characters(IEnumerable<int> names) => names.Sum(i => NewMailFrom(i).Sum(ChangeBatches.Characters));
        Assert.All(batches, b => Assert.True(Records(b) <= ChangeBatches.MaxRecords && Characters(b) <= ChangeBatches.MaxValueCharacters));
        // A batch is closed only when the next name would not fit.
        foreach (var (batch, next) in batches.Zip(batches.Skip(1)))
        {
            var withNext = batch.Append(next[0]).ToList();
            Assert.True(Records(withNext) > ChangeBatches.MaxRecords || Characters(withNext) > ChangeBatches.MaxValueCharacters);
        }
        Assert.Equal(Enumerable.Range(0, 1200), batches.SelectMany(b => b));
        Assert.Equal(3, batches.Count);
    }

    [Fact]
    public void LongValuesCloseABatchAtThirtyTwoThousandCharacters()
    {
        // A 3,000-character TXT value is sent as 12 quoted strings: 3,000 + 24 quotes + 11 spaces.
        var longTxt = new RecordSetChange(ChangeAction.Create, new ResourceRecordSet("a.example.com.", "TXT", 300, [new string('x', 3000)]));
        Assert.Equal(3035, ChangeBatches.Characters(longTxt));

        var batches = ChangeBatches.Pack(Enumerable.Range(0, 20), _ => [longTxt]);

        Assert.Equal([10, 10], batches.Select(b => b.Count));
    }

    [Fact]
    public void AnUpsertCountsTwiceAsRoute53CountsIt()
    {
        var upsert = new RecordSetChange(ChangeAction.Upsert, new ResourceRecordSet("a.example.com.", "MX", 300, ["10 feedback-smtp.us-east-1.amazonses.com."]));

        Assert.Equal(2, ChangeBatches.Records(upsert));
        Assert.Equal(2 * "10 feedback-smtp.us-east-1.amazonses.com.".Length, ChangeBatches.Characters(upsert));
        Assert.Equal(2, ChangeBatches.Pack(Enumerable.Range(0, 501), _ => [upsert]).Count);
    }
}
