namespace MailFromConsole.Core.Bulk;

/// <summary>How long a job still needs: the rows left at the pace measured so far, never faster than the SES limit allows.</summary>
public static class JobEta
{
    public static TimeSpan Remaining(int rowsLeft, int rowsDoneSinceStart, TimeSpan elapsedSinceStart, TimeSpan minimumPerRow)
    {
        if (rowsLeft <= 0) return TimeSpan.Zero;
        var measured = rowsDoneSinceStart > 0 ? elapsedSinceStart / rowsDoneSinceStart : TimeSpan.Zero;
        return (measured > minimumPerRow ? measured : minimumPerRow) * rowsLeft;
    }
}
