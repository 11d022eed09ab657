using MailFromConsole.Core.Deliverability;
using MailFromConsole.Core.MailFrom;
using MailFromConsole.Core.Records;
using MailFromConsole.Core.Route53;

namespace MailFromConsole.Web.Features.Publish;

/// <summary>What is published: the MAIL FROM records of a region, a domain's _amazonses verification token, its Easy DKIM CNAMEs or its DMARC record.</summary>
public abstract record PublishTarget(string Name)
{
    /// <summary>The SES identity the records serve, for the audit log (the MAIL FROM domain or name when not given).</summary>
    public string? Identity { get; init; }

    /// <summary>The region the audit log files the publish under.</summary>
    public abstract string AuditRegion { get; }

    public string AuditIdentity => Identity ?? (this is Verification v ? v.Domain : Name);

    /// <summary>The hosted zone a person would look for: the domain (newco.test), not the record's name (_amazonses.newco.test).</summary>
    public abstract string ZoneName { get; }

    /// <summary>The names whose record sets the preview reads (all in the zone of <see cref="Name"/>).</summary>
    public virtual IReadOnlyList<string> RecordNames => [Name];

    /// <summary>The region whose account view shows the identity the records serve, when it is read again after a publish.</summary>
    public virtual string? ViewRegion => null;

    public sealed record MailFrom(string MailFromDomain, string Region) : PublishTarget(MailFromDomain)
    {
        public override string AuditRegion => Region;

        public override string ZoneName => Identity is not null && MailFromDomainRules.TryIdentityDomain(Identity, out var domain, out _)
            ? domain
            : string.Join('.', MailFromDomain.Split('.').Skip(1));
        public override string? ViewRegion => Region;
    }

    /// <summary>The three CNAMEs <c>&lt;token&gt;._domainkey.&lt;domain&gt;</c> → <c>&lt;token&gt;.dkim.amazonses.com</c>.</summary>
    public sealed record Dkim(string Domain, IReadOnlyList<string> Tokens, string Region) : PublishTarget(DkimRecords.Name(Domain, Tokens.Count > 0 ? Tokens[0] : ""))
    {
        public override string AuditRegion => Region;
        public override string? ViewRegion => Region;
        public override string ZoneName => Domain;
        public override IReadOnlyList<string> RecordNames => [.. Tokens.Select(t => DkimRecords.Name(Domain, t))];
    }

    /// <summary>The DMARC record at <c>_dmarc.&lt;domain&gt;</c> (the suggestion the user completed).</summary>
    public sealed record Dmarc(string Domain, string Record, string Region) : PublishTarget($"_dmarc.{Domain}")
    {
        public override string AuditRegion => Region;
        public override string ZoneName => Domain;
        public override string? ViewRegion => Region;
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

    /// <summary>What the user must confirm first (an existing DMARC record replaced), or null.</summary>
    public string? Confirmation { get; init; }

    /// <summary>The user confirmed <see cref="Confirmation"/> for exactly this preview.</summary>
    public bool Confirmed { get; init; }

    public bool HasZone => Zone is not null;
    public bool NothingToDo => Refusal is null && Zone is not null && Changes.Count == 0;
    public bool CanApply => Refusal is null && Zone is not null && Changes.Count > 0 && (Confirmation is null || Confirmed);
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
