namespace MailFromConsole.LocalAws;

public enum FaultKind { Throttling, ServerError, Delay, PriorRequestNotComplete }
