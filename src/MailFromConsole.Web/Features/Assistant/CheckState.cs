namespace MailFromConsole.Web.Features.Assistant;

/// <summary>Passed: yes. Failed: something to fix. Waiting: not there yet (normal early on). Unknown: could not be checked.</summary>
public enum CheckState { Passed, Failed, Waiting, Unknown }
