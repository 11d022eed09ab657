namespace MailFromConsole.Core.Records;

public enum PreviewLineKind { Add, Change, Unchanged }
