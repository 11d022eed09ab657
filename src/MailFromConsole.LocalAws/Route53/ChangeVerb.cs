namespace MailFromConsole.LocalAws.Route53;

internal enum ChangeVerb { Create, Delete, Upsert }
