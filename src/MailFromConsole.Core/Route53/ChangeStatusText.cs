namespace MailFromConsole.Core.Route53;

public static class ChangeStatusText
{
    /// <summary>The status as Route 53 and its console write it (INSYNC, PENDING).</summary>
    public static string Text(this ChangeStatus status) => status == ChangeStatus.InSync ? "INSYNC" : "PENDING";
}
