namespace MailFromConsole.Core.Diagnosis;

public enum FindingSeverity { Ok, Warning, Error }
