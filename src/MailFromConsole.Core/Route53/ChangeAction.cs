namespace MailFromConsole.Core.Route53;

public enum ChangeAction { Create, Delete, Upsert }
