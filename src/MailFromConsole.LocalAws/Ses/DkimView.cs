using MailFromConsole.Core.Ses;

namespace MailFromConsole.LocalAws.Ses;

/// <summary>An identity's DKIM attributes as both SES APIs report them.</summary>
internal sealed record DkimView(bool Enabled, VerificationStatus Status, IReadOnlyList<string> Tokens);
