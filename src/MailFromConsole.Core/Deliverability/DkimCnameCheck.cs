namespace MailFromConsole.Core.Deliverability;

/// <summary>What DNS shows at one Easy DKIM CNAME name.</summary>
/// <param name="Found">The CNAME target DNS returned (no trailing dot), or null.</param>
/// <param name="Error">Why DNS could not be asked (timeout, SERVFAIL…), when <see cref="State"/> is DnsFailed.</param>
public sealed record DkimCnameCheck(string Name, string Expected, DkimCnameState State, string? Found, string? Error = null);
