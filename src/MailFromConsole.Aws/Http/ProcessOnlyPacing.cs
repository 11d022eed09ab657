namespace MailFromConsole.Aws.Http;

/// <summary>One console instance: the in-process limiter alone keeps to AWS's limits.</summary>
internal sealed class ProcessOnlyPacing : ISharedAwsPacing
{
    public ValueTask WaitForTurnAsync(string key, TimeSpan interval, int burst, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
