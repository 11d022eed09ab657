namespace MailFromConsole.Web.Features.Export;

/// <summary>One export, in both formats: what the dialog shows and what the download endpoints send.</summary>
public sealed record ExportDocuments(string Region, IReadOnlyList<string> Identities, string Terraform, string CloudFormation);
