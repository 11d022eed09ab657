using System.Text;
using MailFromConsole.Testing;
using MailFromConsole.Web.Features.Audit;
namespace MailFromConsole.Web.Tests.Features.Audit;

/// <summary>
/// Every hostile value of the shared table as the identity, before/after values and detail of an audit entry (a
/// failed attempt on a hostile identity is recorded): stored and read back as text, found by a filter that treats
/// it as text (no LIKE wildcards), and exported as one CSV cell that a spreadsheet will not run as a formula.
/// </summary>
public sealed class HostileAuditLogTests(HostileAuditLogFixture fixture) : IClassFixture<HostileAuditLogFixture>
{
    private static readonly DateTimeOffset At = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [MemberData(nameof(HostileInputs.MailFromDomainKeys), MemberType = typeof(HostileInputs))]
    public async Task HostileValueIsStoredReadBackAndExportedAsText(string key)
    {
        var value = HostileInputs.MailFromDomain(key).Value;
        var entry = new AuditEntry
        {
            At = At,
            User = "hostile-" + key,
            Region = "us-east-1",
            Identity = value ?? "",
            Action = AuditActions.SetMailFromDomain,
            Before = value,
            After = "mail.example.com",
            Result = "InvalidParameterValue",
            Detail = value,
        };

        await fixture.Log.RecordAsync(entry);
        var read = Assert.Single((await fixture.Log.QueryAsync(new AuditQuery { User = entry.User })).Entries);

        var stored = AsStored(value);
        Assert.Equal(stored ?? "", read.Identity);
        Assert.Equal(stored, read.Before);
        Assert.Equal(stored, read.Detail);
        Assert.Equal("mail.example.com", read.After);
        Assert.Equal(entry.User, read.User);

        var cells = ParseCsvLine(AuditCsv.Row(read));
        Assert.Equal(AuditCsv.Header.Length, cells.Count);
        Assert.Equal(WithoutApostrophes(read.Identity), WithoutApostrophes(cells[3]));
        Assert.Equal(WithoutApostrophes(read.Before), WithoutApostrophes(cells[5]));
        Assert.Equal("mail.example.com", cells[6]);
        Assert.All(cells, c => Assert.False(StartsAFormula(c), $"{key}: cell '{c}' would run as a formula"));
    }

    [Theory]
    [MemberData(nameof(HostileInputs.MailFromDomainKeys), MemberType = typeof(HostileInputs))]
    public async Task FilteringByAHostileIdentityMatchesItAsTextNotAsAPattern(string key)
    {
        var value = HostileInputs.MailFromDomain(key).Value;
        // An empty filter is no filter; the log cuts huge values. SQLite's LIKE stops at a NUL, so such a filter matches
        // as if cut there (more rows, never fewer): a known limit, left out here.
        if (string.IsNullOrWhiteSpace(value) || value.Length > 1_000 || value.Contains('\0')) return;

        await fixture.Log.RecordAsync(new AuditEntry
        {
            At = At, User = "filter-" + key, Region = "us-east-1", Identity = value, Action = AuditActions.DisableMailFromDomain, Result = "InvalidParameterValue",
        });
        var page = await fixture.Log.QueryAsync(new AuditQuery { Identity = value });

        var wanted = AsSqliteReadsIt(AsStored(value.Trim())!);
        Assert.Contains(page.Entries, e => e.User == "filter-" + key);
        Assert.All(page.Entries, e => Assert.Contains(wanted, AsSqliteReadsIt(e.Identity), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>What text storage gives back: the log's cut of huge values, and U+FFFD for a lone surrogate (no UTF-8 form).</summary>
    private static string? AsStored(string? value)
    {
        if (value is null) return null;
        var cut = value.Length > ConsoleAuditLog.MaximumValueLength ? value[..(ConsoleAuditLog.MaximumValueLength - 1)] + "…" : value;
        return Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(cut));
    }

    // SQLite's text functions read the noncharacters U+FFFE and U+FFFF as U+FFFD.
    private static string AsSqliteReadsIt(string text) => text.Replace('\uFFFF', '\uFFFD').Replace('\uFFFE', '\uFFFD');

    private static string WithoutApostrophes(string? value) => (value ?? "").Replace("'", "", StringComparison.Ordinal);

    /// <summary>Whether a spreadsheet would run some part of the cell: at its start or after ; | tab or a line break, past blanks.</summary>
    internal static bool StartsAFormula(string cell) =>
        (cell.Length > 0 && cell[0] is '\t' or '\r') ||
        cell.Split([';', '|', '\t', '\r', '\n', ',']).Any(part => part.TrimStart(' ', '\u00A0', '\u3000', '\u2028') is { Length: > 0 } p && "=+-@＝＋－＠".Contains(p[0]));

    /// <summary>RFC 4180: one record, quoted cells may hold commas, quotes (doubled) and line breaks.</summary>
    private static List<string> ParseCsvLine(string line)
    {
        Assert.EndsWith("\r\n", line);
        var cells = new List<string>();
        var cell = new StringBuilder();
        var i = 0;
        var body = line[..^2];
        while (true)
        {
            if (i < body.Length && body[i] == '"')
            {
                i++;
                while (true)
                {
                    Assert.True(i < body.Length, "unterminated quoted cell");
                    if (body[i] == '"' && i + 1 < body.Length && body[i + 1] == '"') { cell.Append('"'); i += 2; }
                    else if (body[i] == '"') { i++; break; }
                    else cell.Append(body[i++]);
                }
            }
            else
            {
                while (i < body.Length && body[i] != ',')
                {
                    Assert.False(body[i] is '"' or '\r' or '\n', $"unquoted cell holds {(int)body[i]:X}");
                    cell.Append(body[i++]);
                }
            }

            cells.Add(cell.ToString());
            cell.Clear();
            if (i == body.Length) return cells;
            Assert.Equal(',', body[i]);
            i++;
        }
    }
}
