namespace MailFromConsole.Core.Route53;

public enum ChangeStatus { Pending, InSync }
