namespace MailFromConsole.LocalAws;

/// <summary>
/// A fault to inject into matching requests. <see cref="Service"/> is "ses" or "route53" (null: both);
/// <see cref="Action"/> is the SES Action or Route 53 operation name (null: all); <see cref="Count"/> is how many
/// requests it hits before it is spent (null: every request).
/// </summary>
public sealed class FaultRule
{
    public FaultKind Kind { get; set; }
    public string? Service { get; set; }
    public string? Action { get; set; }
    public int? Count { get; set; }
    public int DelayMilliseconds { get; set; }
    public int StatusCode { get; set; } = 500;
}
