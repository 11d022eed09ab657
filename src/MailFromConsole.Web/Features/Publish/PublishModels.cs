using MailFromConsole.Core.MailFrom;
using MailFromConsole.Core.Records;
using MailFromConsole.Core.Route53;

namespace MailFromConsole.Web.Features.Publish;

/// <summary>What is published: the MAIL FROM records of a region, or a domain's _amazonses verification token.</summary>
public abstract record PublishTarget(string Name)
{
    /// <summary>The SES identity the records serve, for the audit log (the MAIL FROM domain or name when not given).</summary>
    public string? Identity { get; init; }

    /// <summary>The region the audit log files the publish under.</summary>
    public abstract string AuditRegion { get; }

    public string AuditIdentity => Identity ?? (this is Verification v ? v.Domain : Name);

    /// <summary>The hosted zone a person would look for: the domain (newco.test), not the record's name (_amazonses.newco.test).</summary>
    public abstract string ZoneName { get; }

    public sealed record MailFrom(string MailFromDomain, string Region) : PublishTarget(MailFromDomain)
    {
        public override string AuditRegion => Region;

        public override string ZoneName => Identity is not null && MailFromDomainRules.TryIdentityDomain(Identity, out var domain, out _)
            ? domain
            : string.Join('.', MailFromDomain.Split('.').Skip(1));
    }

    public sealed record Verification(string Domain, string Token) : PublishTarget($"_amazonses.{Domain}")
    {
        public override string ZoneName => Domain;

        /// <summary>The region whose token this is (each region verifies with its own value).</summary>
        public string? Region { get; init; }

        public override string AuditRegion => Region ?? "";
    }
}

/// <summary>
/// The change the user is shown before publishing. <see cref="Changes"/> are exactly what <see cref="IPublishService.ApplyAsync"/>
/// sends: DELETEs of the record sets as they were read, and CREATEs, so a concurrent edit makes Route 53 refuse the batch.
/// </summary>
/// <param name="Zone">The account's public hosted zone for the name; null means the manual path.</param>
/// <param name="Refusal">Why the console will not publish here (a name that receives mail, a CNAME, two SPF records).</param>
public sealed record PublishPreview(
    PublishTarget Target,
    HostedZone? Zone,
    IReadOnlyList<PreviewLine> Lines,
    IReadOnlyList<RecordSetChange> Changes,
    string? Refusal,
    IReadOnlyList<string> Notes)
{
    /// <summary>The Route 53 account the zone was looked for in (another account's through a role, or the console's own).</summary>
    public Route53Account? Account { get; init; }

    public bool HasZone => Zone is not null;
    public bool NothingToDo => Refusal is null && Zone is not null && Changes.Count == 0;
    public bool CanApply => Refusal is null && Zone is not null && Changes.Count > 0;
}

/// <summary>Result of applying a preview: the change, or (when the records moved meanwhile) a fresh preview.</summary>
/// <param name="Message">In plain words, for the page.</param>
public sealed record PublishOutcome(ChangeInfo? Change, PublishPreview? ReloadedPreview, string Message)
{
    /// <summary>Route 53's own words, for those who open the details.</summary>
    public string? Details { get; init; }

    /// <summary>The account whose zone was changed: its Route 53 alone knows the change id.</summary>
    public Route53Account? Account { get; init; }

    public bool Conflict => ReloadedPreview is not null;
}
