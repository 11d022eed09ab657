namespace MailFromConsole.Web.Features.MailFrom;

public enum MailFromDialogAction { Set, Disabled }

/// <summary>What the Set MAIL FROM Domain dialog did, with the state SES reported afterwards.</summary>
public sealed record MailFromDialogResult(MailFromDialogAction Action, MailFromDetails Details);
