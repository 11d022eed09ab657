namespace MailFromConsole.Web.Features.MailFrom;

/// <summary>What the Set MAIL FROM Domain dialog did, with the state SES reported afterwards.</summary>
public sealed record MailFromDialogResult(MailFromDialogAction Action, MailFromDetails Details);
