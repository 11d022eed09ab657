using MailFromConsole.Core.Ses;

namespace MailFromConsole.Web.Features.Bulk;

/// <summary>What a user asks for: the same pattern and behaviour for the chosen identities of one region.</summary>
public sealed record BulkRequest(string Region, IReadOnlyList<string> Identities, string Pattern, BehaviorOnMxFailure Behavior);
