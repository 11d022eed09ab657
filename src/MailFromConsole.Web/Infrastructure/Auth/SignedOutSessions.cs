using MailFromConsole.Web.Infrastructure.Storage;
using MailFromConsole.Web.Infrastructure.Storage.Records;
using Microsoft.EntityFrameworkCore;

namespace MailFromConsole.Web.Infrastructure.Auth;

/// <summary>
/// Sign-ins that were signed out, so a copied cookie or another open tab's circuit stops working too: kept in the
/// console's database, so the refusal outlives a restart and holds on every instance, until the cookie would have
/// expired anyway.
/// </summary>
public sealed class SignedOutSessions(ConsoleDatabase database, TimeProvider time)
{
    public async Task EndAsync(string? sessionId, TimeSpan remember, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(sessionId))
        {
            return;
        }
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var db = await database.CreateDbContextAsync(cancellationToken);
        await db.Set<RevokedSessionRecord>().Where(s => s.UntilMs < now).ExecuteDeleteAsync(cancellationToken);
        if (!await db.Set<RevokedSessionRecord>().AnyAsync(s => s.SessionId == sessionId, cancellationToken))
        {
            db.Add(new RevokedSessionRecord { SessionId = sessionId, UntilMs = now + (long)remember.TotalMilliseconds });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public async Task<bool> HasEndedAsync(string? sessionId, CancellationToken cancellationToken = default)
    {
        if (sessionId is null)
        {
            return false;
        }
        await using var db = await database.CreateDbContextAsync(cancellationToken);
        return await db.Set<RevokedSessionRecord>().AnyAsync(s => s.SessionId == sessionId, cancellationToken);
    }
}
