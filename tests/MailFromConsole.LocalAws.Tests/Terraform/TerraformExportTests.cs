using System.Text.Json;
using MailFromConsole.Aws;
using MailFromConsole.Core.Export;
using MailFromConsole.Core.Route53;
using MailFromConsole.Core.Ses;
using MailFromConsole.LocalAws.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MailFromConsole.LocalAws.Tests.Terraform;

/// <summary>
/// The console's Terraform export, read with the console's own wire client from the local AWS's demo account and run
/// with the machine's Terraform: the run's one init, one saved plan, one apply of that plan.
/// </summary>
public sealed class TerraformExportTests
{
    private const string Region = "us-east-1";

    [Fact]
    public async Task ASetUpIdentityIsAdoptedWithoutChangeAndNewOnesApplyAndReachSuccess()
    {
        await using var aws = await LocalAwsFixture.StartAsync(o =>
        {
            o.EnableDnsAndDetection = true;
            o.DetectionInterval = TimeSpan.FromSeconds(1);
            o.ChangePropagationDelay = TimeSpan.FromSeconds(1);
        });
        await using var clients = aws.WireClients();
        var ses = clients.GetRequiredService<ISesClient>();
        // Set up and in Success; verified with a zone and nothing at mail.; an SPF record and another TXT at mail.
        string[] identities = [LocalAwsSeeds.ReadyDomain, LocalAwsSeeds.ExampleDomain, LocalAwsSeeds.ConflictingSpfDomain];
        var configuration = await ExportAsync(ses, clients.GetRequiredService<IRoute53Accounts>(), identities);
        using var terraform = await TerraformCli.InitWithOwnProviderAsync(configuration, aws.Endpoint);

        var plan = Changes(await terraform.SavedPlanAsync());
        await terraform.ApplySavedPlanAsync();
        await aws.DetectionPassAsync();
        var after = await ses.GetIdentityMailFromDomainAttributesAsync(Region, identities);
        var conflictTxt = aws.Server.ZoneData.RecordsAt("spf-conflict.test.", "mail.spf-conflict.test.").Where(r => r.Type == "TXT").Select(r => r.Value).Order().ToList();

        Assert.Equal(new Dictionary<string, string>
        {
            ["aws_ses_domain_mail_from.example_net"] = "import no-op",
            ["aws_route53_record.example_net_mx"] = "import no-op",
            ["aws_route53_record.example_net_spf"] = "import no-op",
            ["aws_ses_domain_mail_from.example_com"] = "create",
            ["aws_route53_record.example_com_mx"] = "create",
            ["aws_route53_record.example_com_spf"] = "create",
            ["aws_ses_domain_mail_from.spf_conflict_test"] = "create",
            ["aws_route53_record.spf_conflict_test_mx"] = "create",
            ["aws_route53_record.spf_conflict_test_spf"] = "import update",
        }, plan);
        Assert.All(identities, i => Assert.Equal(CustomMailFromStatus.Success, after[i].MailFromDomainStatus));
        Assert.Equal("mail.example.com", after[LocalAwsSeeds.ExampleDomain].MailFromDomain);
        // One SPF record, merged; the other TXT value kept.
        Assert.Equal(["mailprovider-verification=4f2a9c", "v=spf1 include:_spf.mailprovider.test include:amazonses.com ~all"], conflictTxt);
    }

    /// <summary>What the console's export service does, with the wire client in place of the account view.</summary>
    private static async Task<string> ExportAsync(ISesClient ses, IRoute53Accounts accounts, string[] identities)
    {
        var verification = await ses.GetIdentityVerificationAttributesAsync(Region, identities);
        var mailFrom = await ses.GetIdentityMailFromDomainAttributesAsync(Region, identities);
        var exported = identities.Select(i => new ExportIdentity(i, verification[i].VerificationStatus == VerificationStatus.Success, mailFrom.GetValueOrDefault(i))).ToList();
        var zones = await ExportZoneLookup.ReadAsync(accounts, exported.Select(e => e.MailFromDomain));
        return TerraformExport.Generate(Region, ExportPlanner.Plan(Region, exported, zones));
    }

    /// <summary>Each resource's planned action, "import " before it when the plan adopts an existing object.</summary>
    private static Dictionary<string, string> Changes(JsonElement plan) => plan.GetProperty("resource_changes").EnumerateArray()
        .Where(r => r.GetProperty("mode").GetString() == "managed")
        .ToDictionary(
            r => r.GetProperty("address").GetString()!,
            r => (r.GetProperty("change").TryGetProperty("importing", out _) ? "import " : "") +
                 string.Join('+', r.GetProperty("change").GetProperty("actions").EnumerateArray().Select(a => a.GetString())));
}
