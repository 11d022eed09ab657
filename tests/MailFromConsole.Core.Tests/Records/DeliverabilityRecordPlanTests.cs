using MailFromConsole.Core.Records;
using MailFromConsole.Core.Route53;

namespace MailFromConsole.Core.Tests.Records;

/// <summary>The DKIM CNAMEs and the DMARC record as the publish plans them: never a clobbered record, never a second DMARC.</summary>
public sealed class DeliverabilityRecordPlanTests
{
    private static readonly string[] Tokens = ["tok1", "tok2", "tok3"];
    private const string DmarcFqdn = "_dmarc.example.com.";
    private const string Suggested = "v=DMARC1; p=none; rua=mailto:reports@example.com";

    private static Dictionary<string, IReadOnlyList<ResourceRecordSet>> Sets(params (string Name, ResourceRecordSet Set)[] sets) =>
        sets.GroupBy(s => s.Name).ToDictionary(g => g.Key, g => (IReadOnlyList<ResourceRecordSet>)[.. g.Select(s => s.Set)]);

    [Fact]
    public void MissingDkimCnamesAreCreatedAndOnesAlreadyRightAreKept()
    {
        var plan = RecordSetPlanner.Dkim("Example.com", Tokens,
            Sets(("tok2._domainkey.example.com", new ResourceRecordSet("tok2._domainkey.example.com.", "CNAME", 1800, ["tok2.dkim.amazonses.com"]))));

        Assert.Null(plan.Refusal);
        Assert.Equal([PreviewLineKind.Add, PreviewLineKind.Unchanged, PreviewLineKind.Add], plan.Lines.Select(l => l.Kind));
        Assert.Equal(["tok1._domainkey.example.com.", "tok3._domainkey.example.com."], plan.Changes.Select(c => c.RecordSet.Name));
        Assert.All(plan.Changes, c => Assert.Equal(ChangeAction.Create, c.Action));
        Assert.Equal(["tok3.dkim.amazonses.com."], plan.Changes[1].RecordSet.Values);
    }

    [Fact]
    public void ADkimNameHoldingAnotherCnameOrOtherRecordsIsRefusedAndNothingChanges()
    {
        var elsewhere = RecordSetPlanner.Dkim("example.com", Tokens,
            Sets(("tok1._domainkey.example.com", new ResourceRecordSet("tok1._domainkey.example.com.", "CNAME", 300, ["selector.mailprovider.test"]))));
        var txt = RecordSetPlanner.Dkim("example.com", Tokens,
            Sets(("tok3._domainkey.example.com", new ResourceRecordSet("tok3._domainkey.example.com.", "TXT", 300, ["v=DKIM1; p=MIGf"]))));

        Assert.Contains("already a CNAME to selector.mailprovider.test", elsewhere.Refusal);
        Assert.Contains("TXT", txt.Refusal);
        Assert.Empty(elsewhere.Changes);
        Assert.Empty(txt.Changes);
    }

    [Fact]
    public void ADmarcRecordWhereThereIsNoneIsCreatedWithoutAskingAndOtherTxtValuesAreKept()
    {
        var empty = RecordSetPlanner.Dmarc("example.com", Suggested, []);
        var other = new ResourceRecordSet(DmarcFqdn, "TXT", 300, ["some-verification=1"]);
        var beside = RecordSetPlanner.Dmarc("example.com", Suggested, [other]);

        Assert.Null(empty.Confirmation);
        Assert.Equal(new RecordSetChange(ChangeAction.Create, new ResourceRecordSet(DmarcFqdn, "TXT", 300, [Suggested])), Assert.Single(empty.Changes), ChangeComparer);
        Assert.Null(beside.Confirmation);
        Assert.Equal([ChangeAction.Delete, ChangeAction.Create], beside.Changes.Select(c => c.Action));
        Assert.Same(other, beside.Changes[0].RecordSet);
        Assert.Equal(["some-verification=1", Suggested], beside.Changes[1].RecordSet.Values);
    }

    [Fact]
    public void AnExistingDmarcRecordIsReplacedNeverDoubledShownOldAndNewAndNeedsConfirmation()
    {
        var existing = new ResourceRecordSet(DmarcFqdn, "TXT", 3600, ["v=DMARC1; p=reject; rua=mailto:old@example.com", "keep=me"]);

        var plan = RecordSetPlanner.Dmarc("example.com", Suggested, [existing]);

        var line = Assert.Single(plan.Lines);
        Assert.Equal(PreviewLineKind.Change, line.Kind);
        Assert.Equal(existing.Values, line.Before);
        Assert.Equal(["keep=me", Suggested], line.After);
        Assert.Single(plan.Changes[1].RecordSet.Values, v => v.StartsWith("v=DMARC1", StringComparison.Ordinal));
        Assert.Same(existing, plan.Changes[0].RecordSet);
        Assert.Contains("\"v=DMARC1; p=reject; rua=mailto:old@example.com\"", plan.Confirmation);
        Assert.Contains(Suggested, plan.Confirmation);
    }

    [Fact]
    public void TwoDmarcRecordsBecomeOneAndTheSameRecordAgainIsNothingToDo()
    {
        var two = new ResourceRecordSet(DmarcFqdn, "TXT", 300, ["v=DMARC1; p=none", "v=DMARC1; p=quarantine"]);
        var same = new ResourceRecordSet(DmarcFqdn, "TXT", 300, [Suggested]);

        var merged = RecordSetPlanner.Dmarc("example.com", Suggested, [two]);
        var nothing = RecordSetPlanner.Dmarc("example.com", Suggested, [same]);

        Assert.Equal([Suggested], merged.Changes[1].RecordSet.Values);
        Assert.NotNull(merged.Confirmation);
        Assert.Empty(nothing.Changes);
        Assert.Null(nothing.Confirmation);
        Assert.Equal(PreviewLineKind.Unchanged, Assert.Single(nothing.Lines).Kind);
    }

    [Fact]
    public void ACnameAtTheDmarcNameIsRefused()
    {
        var plan = RecordSetPlanner.Dmarc("example.com", Suggested, [new ResourceRecordSet(DmarcFqdn, "CNAME", 300, ["dmarc.provider.test"])]);

        Assert.Contains("is a CNAME", plan.Refusal);
        Assert.Empty(plan.Changes);
    }

    private static readonly IEqualityComparer<RecordSetChange> ChangeComparer = EqualityComparer<RecordSetChange>.Create(
        (a, b) => a!.Action == b!.Action && a.RecordSet.Name == b.RecordSet.Name && a.RecordSet.Type == b.RecordSet.Type && a.RecordSet.Values.SequenceEqual(b.RecordSet.Values));
}
