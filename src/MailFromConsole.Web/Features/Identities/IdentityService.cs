using System.Net.Mail;
using MailFromConsole.Core.MailFrom;
using MailFromConsole.Core.Ses;
using MailFromConsole.Web.Features.Audit;
using MailFromConsole.Core.View;
using MailFromConsole.Web.Features.View;
using MailFromConsole.Web.Infrastructure.Auth;
using MailFromConsole.Web.Infrastructure.Changes;
using MailFromConsole.Web.Infrastructure.Errors;

namespace MailFromConsole.Web.Features.Identities;

public sealed class IdentityService(
    ISesClient ses,
    AccountView view,
    AccountViewSweeper sweeper,
    IChangeGate gate) : IIdentityService
{
    // Pages read the account view: listing, searching and paging 10,000 identities costs no SES call. The plain list
    // (by name, no search or filter) is a slice of the view's shared name order: a page change costs one page, not a sort.
    public Task<ServiceResult<IdentityListPage>> ListAsync(string region, IdentityType type, IdentityQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var byName = view.Snapshot(region).ByName(type);
        var plain = IsPlain(query);
        IReadOnlyList<IdentityState> all = plain ? byName : [.. Sorted(Matching(byName, query), query)];
        var pageSize = Math.Clamp(query.PageSize, 1, 100);
        var start = Math.Max(0, query.Page) * pageSize;
        var rows = Enumerable.Range(start, Math.Clamp(all.Count - start, 0, pageSize))
            .Select(i => Row(plain && query.Descending ? all[all.Count - 1 - i] : all[i])).ToList();
        // Nothing read yet and SES failing: the error is the answer. With rows, they stay and the error is a warning.
        var error = sweeper.LastError(region);
        return Task.FromResult(all.Count == 0 && error is not null
            ? ServiceResult<IdentityListPage>.Fail(error, "ViewNotRead")
            : ServiceResult<IdentityListPage>.Ok(new IdentityListPage(rows, all.Count, error)));
    }

    public Task<ServiceResult<IReadOnlyList<string>>> MatchingAsync(string region, IdentityType type, IdentityQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var matching = Sorted(Matching(view.Snapshot(region).ByName(type), query), query);
        return Task.FromResult(ServiceResult<IReadOnlyList<string>>.Ok([.. matching.Select(s => s.Identity)]));
    }

    private static bool IsPlain(IdentityQuery query) =>
        string.IsNullOrWhiteSpace(query.Search) && query.Verification is null && query.MailFrom is null && query.SortBy == IdentitySort.Identity;

    private static IEnumerable<IdentityState> Matching(IEnumerable<IdentityState> states, IdentityQuery query)
    {
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var search = query.Search.Trim();
            states = states.Where(s => s.Identity.Contains(search, StringComparison.OrdinalIgnoreCase));
        }
        if (query.Verification is { } verification) states = states.Where(s => s.Verification == verification);
        if (query.MailFrom is { } mailFrom) states = states.Where(s => s.MailFrom?.MailFromDomain is not null && s.MailFrom.MailFromDomainStatus == mailFrom);
        return states;
    }

    /// <summary>By the chosen column; a status sort keeps names in order within each status (none sorts after every status).</summary>
    private static IEnumerable<IdentityState> Sorted(IEnumerable<IdentityState> states, IdentityQuery query)
    {
        Func<IdentityState, int> status = query.SortBy switch
        {
            IdentitySort.VerificationStatus => s => s.Verification is { } v ? (int)v : int.MaxValue,
            IdentitySort.MailFromStatus => s => s.MailFrom is { MailFromDomain: not null, MailFromDomainStatus: { } m } ? (int)m : int.MaxValue,
            _ => _ => 0,
        };
        // The input is in name order already; the sorts are stable, so names stay in order within each status.
        return query.Descending ? states.Reverse().OrderByDescending(status) : states.OrderBy(status);
    }

    public Task<ServiceResult<IdentityRow>> GetAsync(string region, string identity, CancellationToken cancellationToken = default)
    {
        // The view holds only identities SES listed: a selection kept across a region switch may not exist here.
        if (view.Find(region, identity) is { } state) return Task.FromResult(ServiceResult<IdentityRow>.Ok(Row(state)));
        var message = view.Progress(region).ListingComplete
            ? $"{AwsErrorText.Readable(identity)} is not an identity in {region}. Identities are per region: verify it in {region} to use it there."
            : $"{AwsErrorText.Readable(identity)} is not among the identities of {region} read so far; the console is still reading them.";
        return Task.FromResult(ServiceResult<IdentityRow>.Fail(message, "NotFound"));
    }

    public string? CheckNewIdentity(IdentityType type, string? identity)
    {
        // Only spaces are trimmed, as the Core rules do: a tab or line break in the value is refused, not hidden.
        var value = identity?.Trim(' ') ?? "";
        if (value.Length == 0) return type == IdentityType.EmailAddress ? "Enter an email address." : "Enter a domain.";
        if (type == IdentityType.EmailAddress && !value.Contains('@')) return "Enter an email address such as user@example.com.";
        if (type == IdentityType.Domain && value.Contains('@')) return "Enter a domain such as example.com, not an email address.";
        if (type == IdentityType.EmailAddress && (value.Count(c => c == '@') != 1 || !MailAddress.TryCreate(value, out var address) || address.Address != value))
            return "Enter an email address such as user@example.com.";
        // The Core rules decide what a valid identity is (one source for every layer).
        return MailFromDomainRules.TryIdentityDomain(value, out _, out var error) ? null : error;
    }

    public Task<ServiceResult<VerificationStarted>> AddAsync(string region, IdentityType type, string identity, CancellationToken cancellationToken = default)
    {
        // Invalid input is refused before AWS is asked: nothing was attempted, so nothing is recorded.
        var problem = CheckNewIdentity(type, identity);
        if (problem is not null) return Task.FromResult(ServiceResult<VerificationStarted>.Fail(problem, "InvalidInput"));
        // SES takes ASCII names: send the form the Core rules normalised (punycode, lower-case domain, no trailing dot).
        var value = identity!.Trim(' ');
        MailFromDomainRules.TryIdentityDomain(value, out var domain, out _);
        var at = value.LastIndexOf('@');
        var attempt = VerificationAttempt(region, type, identity.Trim()) with { Before = AuditText.None };
        return StartVerificationAsync(attempt, region, type, at < 0 ? domain : value[..at] + "@" + domain, cancellationToken);
    }

    public Task<ServiceResult<VerificationStarted>> RetryVerificationAsync(string region, IdentityType type, string identity, CancellationToken cancellationToken = default) =>
        StartVerificationAsync(VerificationAttempt(region, type, identity) with { Detail = "Retry verification" }, region, type, identity, cancellationToken);

    public async Task<ServiceResult> DeleteAsync(string region, string identity, CancellationToken cancellationToken = default)
    {
        var attempt = new AuditChange(AuditActions.DeleteIdentity, region, identity) { After = "(deleted)" };
        var result = await gate.ChangeAsync(ConsoleRole.Admin, attempt, async change =>
        {
            var known = view.Find(region, identity);
            var status = known?.Verification?.ToString() ?? "not an identity";
            change.Entry = attempt with { Before = $"{status}; MAIL FROM {AuditText.MailFrom(known?.MailFrom)}" };
            using (view.ConsoleChanging(region, identity))
            {
                await ses.DeleteIdentityAsync(region, identity, cancellationToken);
                await view.RemovedByConsoleAsync(region, identity, cancellationToken);
            }
            return ServiceResult<bool>.Ok(true);
        });
        return result.Succeeded ? ServiceResult.Ok() : ServiceResult.Fail(result.Error!, result.ErrorCode);
    }

    private static AuditChange VerificationAttempt(string region, IdentityType type, string identity) =>
        new(type == IdentityType.EmailAddress ? AuditActions.VerifyEmailIdentity : AuditActions.VerifyDomainIdentity, region, identity);

    private Task<ServiceResult<VerificationStarted>> StartVerificationAsync(AuditChange attempt, string region, IdentityType type, string identity, CancellationToken cancellationToken) =>
        gate.ChangeAsync(ConsoleRole.Admin, attempt, async change =>
        {
            using var changing = view.ConsoleChanging(region, identity);
            VerificationStarted started;
            if (type == IdentityType.EmailAddress)
            {
                await ses.VerifyEmailIdentityAsync(region, identity, cancellationToken);
                started = new VerificationStarted(identity, type, null, null);
                change.Entry = attempt with { After = "Pending; verification message sent" };
            }
            else
            {
                var token = await ses.VerifyDomainIdentityAsync(region, identity, cancellationToken);
                started = new VerificationStarted(identity, type, $"_amazonses.{identity.TrimEnd('.').ToLowerInvariant()}", token);
                change.Entry = attempt with { After = $"Pending; TXT {started.VerificationRecordName} = {token}" };
            }
            // Shown at once as Pending; the sweeper reads it first to confirm.
            await view.ChangedByConsoleAsync(region, identity, s => s with { Verification = VerificationStatus.Pending, VerificationToken = started.VerificationToken ?? s.VerificationToken }, cancellationToken);
            return ServiceResult<VerificationStarted>.Ok(started);
        });

    private static IdentityRow Row(IdentityState state) =>
        new(state.Identity, state.Type, state.Verification ?? VerificationStatus.NotStarted, state.VerificationToken, state.MailFrom) { StatusRead = state.VerificationReadAt is not null, Readiness = state.Readiness };
}
