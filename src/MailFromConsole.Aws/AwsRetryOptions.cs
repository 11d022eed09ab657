namespace MailFromConsole.Aws;

public sealed class AwsRetryOptions
{
    public int MaxRetryAttempts { get; set; } = 5;

    /// <summary>First backoff; it grows exponentially with jitter.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(300);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Timeout of one attempt (rate-limit waits are not counted).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
