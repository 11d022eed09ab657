namespace MailFromConsole.Core.Ses;

// Shapes of the SES v1 API (2010-12-01) that the console uses. Names follow the service model;
// enum member names are the exact wire strings.

public enum IdentityType { EmailAddress, Domain }
