using MailFromConsole.Core.Records;
using MailFromConsole.Core.Route53;
using MailFromConsole.Web.Features.Publish;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.Web.Tests.Features.Publish;

public sealed class PublishServiceTests : ConsoleTestContext
{
    private HostedZone zone = null!;

    private IPublishService Publisher => Services.GetRequiredService<IPublishService>();

    public PublishServiceTests()
    {
        zone = Aws.Route53.AddZone("example.com");
    }

    private static PublishTarget.MailFrom MailFrom(string domain = "mail.example.com") => new(domain, "us-east-1");

    [Fact]
    public async Task PreviewAddsOneMxAndTheSpfRecordWhenTheNameIsEmpty()
    {
        var preview = (await Publisher.PreviewAsync(MailFrom())).Value!;

        Assert.True(preview.CanApply);
        Assert.Equal(zone.Id, preview.Zone!.Id);
        var mx = Assert.Single(preview.Lines, l => l.Type == "MX");
        Assert.Equal(PreviewLineKind.Add, mx.Kind);
        Assert.Equal(["10 feedback-smtp.us-east-1.amazonses.com."], mx.After);
        var txt = Assert.Single(preview.Lines, l => l.Type == "TXT");
        Assert.Equal(["v=spf1 include:amazonses.com ~all"], txt.After);
        Assert.All(preview.Changes, c => Assert.Equal(ChangeAction.Create, c.Action));
    }

    [Fact]
    public async Task PreviewMergesAmazonSesIntoTheExistingSpfAndKeepsOtherTxtValues()
    {
        Aws.Route53.Put(zone, "mail.example.com", "TXT", "v=spf1 include:_spf.google.com ~all", "google-site-verification=abc");

        var preview = (await Publisher.PreviewAsync(MailFrom())).Value!;

        var txt = Assert.Single(preview.Lines, l => l.Type == "TXT");
        Assert.Equal(PreviewLineKind.Change, txt.Kind);
        var spf = Assert.Single(txt.After, v => v.StartsWith("v=spf1", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("include:amazonses.com", spf);
        Assert.Contains("include:_spf.google.com", spf);
        Assert.Contains("google-site-verification=abc", txt.After);
        Assert.Contains(preview.Changes, c => c.Action == ChangeAction.Delete && c.RecordSet.Type == "TXT"
            && c.RecordSet.Values.SequenceEqual(["v=spf1 include:_spf.google.com ~all", "google-site-verification=abc"]));
        Assert.DoesNotContain(preview.Changes, c => c.Action == ChangeAction.Upsert);
    }

    [Fact]
    public async Task PreviewRefusesANameThatReceivesMailElsewhere()
    {
        Aws.Route53.Put(zone, "mail.example.com", "MX", "10 inbound.mailhost.example.net.");

        var preview = (await Publisher.PreviewAsync(MailFrom())).Value!;

        Assert.False(preview.CanApply);
        Assert.Contains("receives mail", preview.Refusal);
        Assert.Contains("inbound.mailhost.example.net", preview.Refusal);
        Assert.Empty(preview.Changes);
    }

    [Fact]
    public async Task PreviewRefusesANameWithACname()
    {
        Aws.Route53.Put(zone, "mail.example.com", "CNAME", "elsewhere.example.net.");

        var preview = (await Publisher.PreviewAsync(MailFrom())).Value!;

        Assert.False(preview.CanApply);
        Assert.Contains("CNAME", preview.Refusal);
    }

    [Fact]
    public async Task PreviewOffersManualStepsWhenNoHostedZoneIsInTheAccount()
    {
        var preview = (await Publisher.PreviewAsync(MailFrom("mail.other.org"))).Value!;

        Assert.False(preview.HasZone);
        Assert.False(preview.CanApply);
    }

    [Fact]
    public async Task PreviewKeepsAnMxToAnotherRegionsFeedbackHost()
    {
        Aws.Route53.Put(zone, "mail.example.com", "MX", "10 feedback-smtp.eu-west-1.amazonses.com.");

        var preview = (await Publisher.PreviewAsync(MailFrom())).Value!;

        Assert.Equal(PreviewLineKind.Unchanged, Assert.Single(preview.Lines, l => l.Type == "MX").Kind);
        Assert.DoesNotContain(preview.Changes, c => c.RecordSet.Type == "MX");
        Assert.Contains(preview.Notes, n => n.Contains("another region"));
    }

    [Fact]
    public async Task ApplySendsOneBatchOfDeleteAndCreateAndFollowsItToInSync()
    {
        Aws.Route53.Put(zone, "mail.example.com", "TXT", "v=spf1 mx ~all");
        var preview = (await Publisher.PreviewAsync(MailFrom())).Value!;

        var outcome = (await Publisher.ApplyAsync(preview)).Value!;
        var statuses = new List<ChangeStatus>();
        var final = (await Publisher.WaitForInSyncAsync(outcome, c => statuses.Add(c.Status))).Value!;

        var batch = Assert.Single(Aws.Route53.Batches);
        Assert.Equal([ChangeAction.Create, ChangeAction.Delete, ChangeAction.Create], batch.Select(c => c.Action));
        Assert.Equal(["10 feedback-smtp.us-east-1.amazonses.com."], Aws.Route53.ValuesAt(zone, "mail.example.com", "MX"));
        Assert.Equal(["v=spf1 mx include:amazonses.com ~all"], Aws.Route53.ValuesAt(zone, "mail.example.com", "TXT"));
        Assert.Equal([ChangeStatus.Pending, ChangeStatus.InSync], statuses);
        Assert.Equal(ChangeStatus.InSync, final.Status);
    }

    [Fact]
    public async Task ApplyReloadsThePreviewInsteadOfOverwritingARecordChangedMeanwhile()
    {
        Aws.Route53.Put(zone, "mail.example.com", "TXT", "v=spf1 mx ~all");
        var preview = (await Publisher.PreviewAsync(MailFrom())).Value!;
        Aws.Route53.Put(zone, "mail.example.com", "TXT", "v=spf1 a mx ~all", "someone-else=1");

        var outcome = (await Publisher.ApplyAsync(preview)).Value!;

        Assert.True(outcome.Conflict);
        Assert.Contains("changed since the preview", outcome.Message);
        Assert.Equal(["v=spf1 a mx ~all", "someone-else=1"], Aws.Route53.ValuesAt(zone, "mail.example.com", "TXT"));
        Assert.Empty(Aws.Route53.ValuesAt(zone, "mail.example.com", "MX"));
        var reloadedTxt = Assert.Single(outcome.ReloadedPreview!.Lines, l => l.Type == "TXT");
        Assert.Equal(["v=spf1 a mx ~all", "someone-else=1"], reloadedTxt.Before);
    }

    [Fact]
    public async Task VerificationPublishKeepsTheTokensOfOtherRegions()
    {
        Aws.Route53.Put(zone, "_amazonses.example.com", "TXT", "token-eu-west-1");

        var preview = (await Publisher.PreviewAsync(new PublishTarget.Verification("example.com", "token-us-east-1"))).Value!;
        await Publisher.ApplyAsync(preview);

        Assert.Equal(["token-eu-west-1", "token-us-east-1"], Aws.Route53.ValuesAt(zone, "_amazonses.example.com", "TXT"));
    }

    [Fact]
    public async Task ThrottlingBecomesAMessageNotAnException()
    {
        Aws.Route53.FailNext("Throttling", "Rate exceeded");

        var result = await Publisher.PreviewAsync(MailFrom());

        Assert.False(result.Succeeded);
        Assert.Contains("throttling", result.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Rate exceeded", result.Error);
    }

    [Fact]
    public async Task APublishWhoseAnswerIsLostSaysItMayOrMayNotHaveBeenApplied()
    {
        var preview = (await Publisher.PreviewAsync(MailFrom())).Value!;
        Aws.Route53.LoseNextAnswer();

        var result = await Publisher.ApplyAsync(preview);

        Assert.False(result.Succeeded);
        Assert.Contains("may or may not have been applied", result.Error);
        Assert.DoesNotContain("Nothing was published", result.Error);
        // It was applied: reloading, as the message asks, shows nothing left to do.
        Assert.Single(Aws.Route53.Batches);
        Assert.True((await Publisher.PreviewAsync(MailFrom())).Value!.NothingToDo);
    }
}
