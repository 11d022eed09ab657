namespace MailFromConsole.Core.Ses;

public sealed record IdentityPage(IReadOnlyList<string> Identities, string? NextToken);
