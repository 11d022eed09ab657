using MailFromConsole.Core.Ses;
using MailFromConsole.LocalAws.Route53;
using static MailFromConsole.LocalAws.LocalAwsSeeds;

namespace MailFromConsole.LocalAws.Store;

/// <summary>Writes the first-run demo data described by <see cref="LocalAwsSeeds"/>, all in the default account (the console's test/test).</summary>
internal sealed class DemoSeeder(IdentityRepository identities, ZoneRepository zones, Route53Api route53, TimeProvider time)
{
    private const string DefaultAccount = LocalAwsOptions.DefaultAccountId;

    private const string FeedbackMx = "10 feedback-smtp.us-east-1.amazonses.com";

    public void Seed()
    {
        var now = time.GetUtcNow();
        Domain(Region, ExampleDomain, VerificationStatus.Success, now);
        Email(Region, ExampleEmail, now);
        Domain(Region, ReadyDomain, VerificationStatus.Success, now);
        Domain(Region, OutsideDnsDomain, VerificationStatus.Success, now);
        Domain(Region, ConflictingSpfDomain, VerificationStatus.Success, now);
        Domain(Region, TwoMxDomain, VerificationStatus.Success, now);
        Domain(Region, PendingDomain, VerificationStatus.Pending, now);
        Domain(Region, FailedDomain, VerificationStatus.Failed, now);
        Domain(OtherRegion, ExampleDomain, VerificationStatus.Success, now);
        Email(OtherRegion, OtherRegionEmail, now);

        identities.ReplaceIf(_ => true, new SesScope(DefaultAccount, Region), ReadyDomain, r => r with
        {
            MailFromDomain = ReadyMailFromDomain,
            MailFromStatus = CustomMailFromStatus.Success,
            MailFromStartedAt = now,
            Behavior = BehaviorOnMxFailure.RejectMessage,
            DkimTokens = ReadyDkimTokens,
            DkimEnabled = true,
            DkimStatus = VerificationStatus.Success,
            DkimStartedAt = now,
        });

        Zone(ExampleDomain, Token(Region, ExampleDomain), Token(OtherRegion, ExampleDomain));
        Zone(ReadyDomain,
        [
            Token(Region, ReadyDomain),
            new RecordSetRow(ReadyMailFromDomain + ".", "MX", 300, [FeedbackMx]),
            new RecordSetRow(ReadyMailFromDomain + ".", "TXT", 300, ["\"v=spf1 include:amazonses.com ~all\""]),
            new RecordSetRow($"_dmarc.{ReadyDomain}.", "TXT", 300, [$"\"{ReadyDmarcValue}\""]),
            .. ReadyDkimTokens.Select(t => new RecordSetRow($"{t}._domainkey.{ReadyDomain}.", "CNAME", 1800, [$"{t}.dkim.amazonses.com."])),
        ]);
        Zone(ConflictingSpfDomain, Token(Region, ConflictingSpfDomain),
            new RecordSetRow($"mail.{ConflictingSpfDomain}.", "TXT", 300,
                [$"\"{ConflictingSpfValue}\"", "\"mailprovider-verification=4f2a9c\""]));
        Zone(TwoMxDomain, Token(Region, TwoMxDomain),
            new RecordSetRow($"mail.{TwoMxDomain}.", "MX", 300, [FeedbackMx, "20 mx.mailprovider.test"]));
        Zone(PendingDomain);
    }

    private void Domain(string region, string domain, VerificationStatus status, DateTimeOffset now) =>
        identities.Insert(IdentityRecord.New(new SesScope(DefaultAccount, region), domain, IdentityType.Domain, VerificationToken(region, domain), now)
            with { VerificationStatus = status });

    private void Email(string region, string address, DateTimeOffset now) =>
        identities.Insert(IdentityRecord.New(new SesScope(DefaultAccount, region), address, IdentityType.EmailAddress, VerificationToken(region, address), now)
            with { VerificationStatus = VerificationStatus.Success });

    private static RecordSetRow Token(string region, string domain) =>
        new($"_amazonses.{domain}.", "TXT", 1800, [$"\"{VerificationToken(region, domain)}\""]);

    private void Zone(string domain, params RecordSetRow[] records)
    {
        var (zone, change) = route53.CreateZone(DefaultAccount, domain + ".", "local-aws-seed-" + domain, "Seeded demo zone", privateZone: false);
        if (records.Length == 0)
        {
            return;
        }

        // Records sharing a name and type (two regions' tokens) become one record set, as Route 53 keeps them.
        var merged = records.GroupBy(r => (r.Name, r.Type))
            .Select(g => g.First() with { Values = [.. g.SelectMany(r => r.Values)] })
            .ToList();
        zones.ApplyChange(zone.Id, current => [.. current, .. merged], change with { Id = change.Id + "S" });
    }
}
