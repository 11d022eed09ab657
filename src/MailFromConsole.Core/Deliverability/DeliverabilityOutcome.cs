namespace MailFromConsole.Core.Deliverability;

/// <summary>The short form of a verdict, for the readiness column: passes through both, through one, fails, or not checked.</summary>
public enum DeliverabilityOutcome { PassesThroughSpfAndDkim, PassesThroughDkimOnly, PassesThroughSpfOnly, Fails, NoDmarcPolicy }
