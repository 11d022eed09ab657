namespace MailFromConsole.Core.Sts;

/// <summary>Reading ARNs (<c>arn:partition:service:region:account:resource</c>).</summary>
public static class Arns
{
    /// <summary>The account id of an ARN, or null when it is not an ARN with a 12-digit account.</summary>
    public static string? AccountOf(string? arn)
    {
        var parts = arn?.Split(':', 6);
        return parts is { Length: 6 } && parts[0] == "arn" && parts[4].Length == 12 && parts[4].All(char.IsAsciiDigit) ? parts[4] : null;
    }
}
