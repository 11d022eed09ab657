namespace MailFromConsole.Web.Features.Dashboard;

/// <summary>MAIL FROM states as the dashboard counts them, in the order it lists them (needs action first).</summary>
public enum DashboardState { Failed, TemporaryFailure, PendingTooLong, MxMissing, Pending, Success, NotSet }
