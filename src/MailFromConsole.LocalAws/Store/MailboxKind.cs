namespace MailFromConsole.LocalAws.Store;

public enum MailboxKind { Verification, Sent }
