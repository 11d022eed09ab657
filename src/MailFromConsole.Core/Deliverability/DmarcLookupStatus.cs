namespace MailFromConsole.Core.Deliverability;

/// <summary>What the DMARC lookup found: one valid record, none, several (receivers then apply none), an invalid one, or a DNS failure.</summary>
public enum DmarcLookupStatus { Found, None, Several, Invalid, DnsFailed }
