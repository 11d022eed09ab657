using MailFromConsole.Core.Deliverability;
using MailFromConsole.Core.MailFrom;

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
