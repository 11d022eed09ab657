namespace MailFromConsole.Core.Records;

public enum EffectiveMailFromKind { Custom, RegionDefault, Rejected }
