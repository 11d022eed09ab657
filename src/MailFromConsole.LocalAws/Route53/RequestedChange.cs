namespace MailFromConsole.LocalAws.Route53;

/// <summary>One change of a batch; <see cref="RawName"/> as sent, checked when the batch is applied.</summary>
internal sealed record RequestedChange(ChangeVerb Action, string RawName, string Type, long Ttl, IReadOnlyList<string> Values);
