namespace MailFromConsole.Web.Features.View;

/// <summary>Lets a waiting sweep loop start at once when there is new work (a change, a newly watched identity).</summary>
internal sealed class Wake
{
    private TaskCompletionSource signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Signal() => Interlocked.Exchange(ref signal, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Completes at the next <see cref="Signal"/>: taken before a loop looks for work, so a signal while it looks is not lost.</summary>
    public Task Next => Volatile.Read(ref signal).Task;

    /// <summary>Returns after <paramref name="timeout"/> or when <paramref name="next"/> (from <see cref="Next"/>) completes, whichever comes first.</summary>
    public static async Task WaitAsync(Task next, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var delayCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(timeout, time, delayCancel.Token);
        await Task.WhenAny(next, delay).ConfigureAwait(false);
        await delayCancel.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
