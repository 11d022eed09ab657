using MailFromConsole.Core.Records;
using MailFromConsole.Core.Route53;

namespace MailFromConsole.Core.Tests.Records;

public sealed class RecordSetPlannerTests
{
    private const string Domain = "mail.example.com";
    private const string Fqdn = "mail.example.com.";

    [Fact]
    public void AnEmptyNameGetsTheRegionsMxAndAnSpfRecord()
    {
        var plan = RecordSetPlanner.MailFrom(Domain, "eu-west-1", []);

        Assert.Null(plan.Refusal);
        Assert.Equal(["MX", "TXT"], plan.Lines.Select(l => l.Type));
        Assert.All(plan.Changes, c => Assert.Equal(ChangeAction.Create, c.Action));
        Assert.Equal(["10 feedback-smtp.eu-west-1.amazonses.com."], plan.Changes[0].RecordSet.Values);
        Assert.Equal(["v=spf1 include:amazonses.com ~all"], plan.Changes[1].RecordSet.Values);
    }

    [Fact]
    public void ANameThatReceivesMailIsRefusedAndNothingChanges()
    {
        var plan = RecordSetPlanner.MailFrom(Domain, "eu-west-1", [new ResourceRecordSet(Fqdn, "MX", 300, ["10 mx.mailhost.example."])]);

        Assert.Contains("already receives mail (MX to mx.mailhost.example)", plan.Refusal);
        Assert.Empty(plan.Changes);
    }

    [Fact]
    public void AnExistingSpfRecordIsMergedByDeletingWhatWasReadAndCreatingTheMergedSet()
    {
        var txt = new ResourceRecordSet(Fqdn, "TXT", 600, ["v=spf1 include:_spf.example.net ~all", "site-verification=abc"]);
        var plan = RecordSetPlanner.MailFrom(Domain, "us-east-1", [new ResourceRecordSet(Fqdn, "MX", 300, ["10 feedback-smtp.us-east-1.amazonses.com."]), txt]);

        Assert.Equal(PreviewLineKind.Unchanged, plan.Lines.Single(l => l.Type == "MX").Kind);
        Assert.Equal([ChangeAction.Delete, ChangeAction.Create], plan.Changes.Select(c => c.Action));
        Assert.Same(txt, plan.Changes[0].RecordSet);
        Assert.Contains("site-verification=abc", plan.Changes[1].RecordSet.Values);
        Assert.Contains(plan.Changes[1].RecordSet.Values, v => v.Contains("include:amazonses.com") && v.Contains("include:_spf.example.net"));
    }

    [Fact]
    public void ACnameAtTheNameIsRefused()
    {
        var plan = RecordSetPlanner.Verification("_amazonses.example.com", "token", [new ResourceRecordSet("_amazonses.example.com.", "CNAME", 300, ["elsewhere.example."])]);

        Assert.Contains("is a CNAME (to elsewhere.example.)", plan.Refusal);
        Assert.Empty(plan.Changes);
    }

    [Fact]
    public void AVerificationTokenIsAddedNextToOtherRegionsTokens()
    {
        var existing = new ResourceRecordSet("_amazonses.example.com.", "TXT", 300, ["token-of-us-east-1"]);
        var plan = RecordSetPlanner.Verification("_amazonses.example.com", "token-of-eu-west-1", [existing]);

        Assert.Equal(["token-of-us-east-1", "token-of-eu-west-1"], plan.Changes.Single(c => c.Action == ChangeAction.Create).RecordSet.Values);
        Assert.Contains("The existing verification tokens (other regions) are kept.", plan.Notes);
    }
}
