namespace MailFromConsole.Web.Features.Connection;

/// <summary>One Route 53 account: the console's own or one reached through a role of Aws:Route53Accounts.</summary>
public sealed record Route53Reach(string Account, string? Suffix, bool Reached, string? Error);
