using MailFromConsole.Core.Bulk;

namespace MailFromConsole.Web.Features.Bulk;

public sealed record BulkJobRow(int Position, string Identity, string? MailFromDomain, string? Zone, string? Plan, BulkRowState State, string? Result, string? ChangeId);
