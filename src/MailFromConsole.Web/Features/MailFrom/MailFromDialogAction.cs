namespace MailFromConsole.Web.Features.MailFrom;

public enum MailFromDialogAction { Set, Disabled }
