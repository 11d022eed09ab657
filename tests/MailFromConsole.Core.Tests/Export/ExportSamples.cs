using MailFromConsole.Core.Export;
using MailFromConsole.Core.Route53;
using MailFromConsole.Core.Ses;

namespace MailFromConsole.Core.Tests.Export;

/// <summary>The identities the export tests share: set up, new, with an SPF record to merge, without a zone, refused.</summary>
internal static class ExportSamples
{
    public const string Region = "us-east-1";
    public const string ZoneId = "Z0EXAMPLE";
    public static readonly HostedZone Zone = new(ZoneId, "example.com.", false, 4);

    public static ExportIdentity SetUp(string identity = "example.com", string mailFrom = "mail.example.com") =>
        new(identity, true, new IdentityMailFromDomainAttributes(mailFrom, CustomMailFromStatus.Success, BehaviorOnMxFailure.RejectMessage));

    public static ExportIdentity New(string identity) => new(identity, true, null);

    public static ExportZone PublishedZone(string name = "mail.example.com.") => new(Zone,
    [
        new ResourceRecordSet(name, "MX", 600, ["10 feedback-smtp.us-east-1.amazonses.com."]),
        new ResourceRecordSet(name, "TXT", 600, ["v=spf1 include:amazonses.com ~all"]),
    ]);

    public static ExportZone ZoneWith(params ResourceRecordSet[] sets) => new(Zone, sets);

    public static IReadOnlyList<ExportEntry> Plan(params (ExportIdentity Identity, ExportZone Zone)[] items) =>
        ExportPlanner.Plan(Region, items.Select(i => i.Identity).ToList(),
            items.GroupBy(i => i.Identity.MailFromDomain).ToDictionary(g => g.Key, g => g.First().Zone));
}
