namespace MailFromConsole.Core.Deliverability;

/// <summary>What a DMARC record asks receivers to do with mail that fails: the <c>p=</c> / <c>sp=</c> values.</summary>
public enum DmarcPolicy { None, Quarantine, Reject }
