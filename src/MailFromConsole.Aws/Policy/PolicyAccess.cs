namespace MailFromConsole.Aws.Policy;

/// <summary>Read-only actions can be tried safely; write actions are only named.</summary>
public enum PolicyAccess
{
    Read,
    Write,
}
