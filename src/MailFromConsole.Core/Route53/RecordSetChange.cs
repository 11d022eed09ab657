namespace MailFromConsole.Core.Route53;

public sealed record RecordSetChange(ChangeAction Action, ResourceRecordSet RecordSet);
