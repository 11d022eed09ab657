namespace MailFromConsole.Web.Features.View;

/// <summary>Lets a waiting sweep loop start at once when there is new work (a change, a newly watched identity).</summary>
internal sealed class Wake
{
    private TaskCompletionSource signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Signal() => Interlocked.Exchange(ref signal, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Returns after <paramref name="timeout"/> or at the next <see cref="Signal"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var woken = Volatile.Read(ref signal).Task;
        using var delayCancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(timeout, time, delayCancel.Token);
        await Task.WhenAny(woken, delay).ConfigureAwait(false);
        await delayCancel.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
