using MailFromConsole.Core.Route53;
using MailFromConsole.Core.Ses;

namespace MailFromConsole.Core.Export;

/// <summary>One identity of an export, resolved once for both Terraform and CloudFormation.</summary>
/// <param name="Key">The identity's unique key in the document, made of letters, digits and underscores.</param>
/// <param name="Zone">The public hosted zone of the MAIL FROM domain; null when the records are omitted for want of one.</param>
/// <param name="Records">The MX and SPF record sets this identity brings (none when omitted or already brought by an earlier identity).</param>
/// <param name="Notes">Plain sentences for a comment: why records are omitted, what an existing record becomes, …</param>
public sealed record ExportEntry(
    ExportIdentity Source,
    string Key,
    string MailFromDomain,
    BehaviorOnMxFailure Behavior,
    HostedZone? Zone,
    IReadOnlyList<ExportRecord> Records,
    IReadOnlyList<string> Notes);
