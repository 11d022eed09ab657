namespace MailFromConsole.LocalAws.OutsideDns;

/// <summary>An outside-DNS edit was refused; the message says why in plain words and is shown to the user.</summary>
public sealed class OutsideDnsException(string message) : Exception(message);
