namespace MailFromConsole.Core.Deliverability;

public enum DkimCnameState { Published, Missing, WrongTarget, DnsFailed }
