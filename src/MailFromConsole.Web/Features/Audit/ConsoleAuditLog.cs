using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using System.Text;
using MailFromConsole.Web.Infrastructure.Storage;
using MailFromConsole.Web.Infrastructure.Storage.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace MailFromConsole.Web.Features.Audit;

/// <summary>
/// The audit log in the console's database (shared by every instance on PostgreSQL). Entries are only ever added; an
/// intent entry is completed once, with the outcome of its change.
/// </summary>
public sealed class ConsoleAuditLog(ConsoleDatabase database) : IAuditLog
{
    /// <summary>Longer values are cut, so a hostile value cannot bloat the log; the cut is marked.</summary>
    public const int MaximumValueLength = 8000;

    public Task RecordAsync(AuditEntry entry, CancellationToken cancellationToken = default) => AddAsync(entry, cancellationToken);

    public Task<long> StartAsync(AuditEntry intent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(intent);
        return AddAsync(intent with { Result = AuditResults.InProgress }, cancellationToken);
    }

    public async Task CompleteAsync(AuditEntry outcome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        await using var db = await database.CreateDbContextAsync(cancellationToken);
        var before = Cut(outcome.Before);
        var after = Cut(outcome.After);
        var changeId = Cut(outcome.ChangeId);
        var result = Cut(outcome.Result) ?? "";
        var detail = Cut(outcome.Detail);
        await db.Set<AuditRecord>()
            .Where(a => a.Id == outcome.Id && a.Result == AuditResults.InProgress)
            .ExecuteUpdateAsync(set => set
                .SetProperty(a => a.Before, before)
                .SetProperty(a => a.After, after)
                .SetProperty(a => a.ChangeId, changeId)
                .SetProperty(a => a.Result, result)
                .SetProperty(a => a.Detail, detail), cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> OpenAsync(DateTimeOffset startedBefore, CancellationToken cancellationToken = default)
    {
        await using var db = await database.CreateDbContextAsync(cancellationToken);
        var beforeMs = startedBefore.ToUnixTimeMilliseconds();
        var records = await db.Set<AuditRecord>().AsNoTracking()
            .Where(a => a.Result == AuditResults.InProgress && a.AtMs < beforeMs)
            .OrderBy(a => a.Id)
            .ToListAsync(cancellationToken);
        return records.Select(Read).ToList();
    }

    private async Task<long> AddAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var db = await database.CreateDbContextAsync(cancellationToken);
        var record = new AuditRecord
        {
            AtMs = entry.At.ToUnixTimeMilliseconds(),
            User = Cut(entry.User) ?? "",
            Region = Cut(entry.Region) ?? "",
            Identity = Cut(entry.Identity) ?? "",
            Action = Cut(entry.Action) ?? "",
            Before = Cut(entry.Before),
            After = Cut(entry.After),
            ChangeId = Cut(entry.ChangeId),
            Result = Cut(entry.Result) ?? "",
            Detail = Cut(entry.Detail),
        };
        db.Add(record);
        await db.SaveChangesAsync(cancellationToken);
        return record.Id;
    }

    public async Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var db = await database.CreateDbContextAsync(cancellationToken);
        var matching = Where(db.Set<AuditRecord>().AsNoTracking(), query);
        var total = await matching.CountAsync(cancellationToken);
        var records = await Newest(matching)
            .Skip(Math.Max(0, query.Skip))
            .Take(Math.Clamp(query.Take, 1, AuditQuery.MaximumPageSize))
            .ToListAsync(cancellationToken);
        return new AuditPage(records.Select(Read).ToList(), total);
    }

    public async IAsyncEnumerable<AuditEntry> ExportAsync(AuditQuery filter, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await database.CreateDbContextAsync(cancellationToken);
        await foreach (var record in Newest(Where(db.Set<AuditRecord>().AsNoTracking(), filter)).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return Read(record);
        }
    }

    private static IOrderedQueryable<AuditRecord> Newest(IQueryable<AuditRecord> records) =>
        records.OrderByDescending(a => a.AtMs).ThenByDescending(a => a.Id);

    /// <summary>Every filter is a parameter; text filters ignore case and take the value literally (no wildcards).</summary>
    private IQueryable<AuditRecord> Where(IQueryable<AuditRecord> records, AuditQuery query)
    {
        if (!string.IsNullOrWhiteSpace(query.User))
        {
            records = records.Where(Like(a => a.User, EscapeLike(query.User.Trim())));
        }
        if (!string.IsNullOrWhiteSpace(query.Region))
        {
            records = records.Where(Like(a => a.Region, EscapeLike(query.Region.Trim())));
        }
        if (!string.IsNullOrWhiteSpace(query.Action))
        {
            records = records.Where(Like(a => a.Action, EscapeLike(query.Action.Trim())));
        }
        if (!string.IsNullOrWhiteSpace(query.Identity))
        {
            records = records.Where(Like(a => a.Identity, "%" + EscapeLike(query.Identity.Trim()) + "%"));
        }
        if (query.Succeeded is { } succeeded)
        {
            records = succeeded ? records.Where(a => a.Result == AuditResults.Success) : records.Where(a => a.Result != AuditResults.Success);
        }
        if (query.From is { } from)
        {
            var fromMs = from.ToUnixTimeMilliseconds();
            records = records.Where(a => a.AtMs >= fromMs);
        }
        if (query.To is { } to)
        {
            var toMs = to.ToUnixTimeMilliseconds();
            records = records.Where(a => a.AtMs < toMs);
        }
        return records;
    }

    /// <summary>A case-insensitive LIKE: SQLite's LIKE ignores ASCII case; PostgreSQL's needs ILIKE.</summary>
    private Expression<Func<AuditRecord, bool>> Like(Expression<Func<AuditRecord, string>> column, string pattern)
    {
        Expression<Func<string, bool>> like = database.Storage.IsPostgres
            ? text => EF.Functions.ILike(text, pattern, "\\")
            : text => EF.Functions.Like(text, pattern, "\\");
        var body = ReplacingExpressionVisitor.Replace(like.Parameters[0], column.Body, like.Body);
        return Expression.Lambda<Func<AuditRecord, bool>>(body, column.Parameters);
    }

    private static string EscapeLike(string value)
    {
        var escaped = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is '%' or '_' or '\\')
            {
                escaped.Append('\\');
            }
            escaped.Append(c);
        }
        return escaped.ToString();
    }

    private static string? Cut(string? value) =>
        value is { Length: > MaximumValueLength } ? string.Concat(value.AsSpan(0, MaximumValueLength - 1), "…") : value;

    private static AuditEntry Read(AuditRecord record) => new()
    {
        Id = record.Id,
        At = DateTimeOffset.FromUnixTimeMilliseconds(record.AtMs),
        User = record.User,
        Region = record.Region,
        Identity = record.Identity,
        Action = record.Action,
        Before = record.Before,
        After = record.After,
        ChangeId = record.ChangeId,
        Result = record.Result,
        Detail = record.Detail,
    };
}
