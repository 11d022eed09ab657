using System.Net.Mail;
using MailFromConsole.Core.MailFrom;
using MailFromConsole.Core.Ses;
using MailFromConsole.Web.Features.Audit;
using MailFromConsole.Web.Features.Status;
using MailFromConsole.Web.Infrastructure.Auth;
using MailFromConsole.Web.Infrastructure.Changes;
using MailFromConsole.Web.Infrastructure.Errors;
using Microsoft.Extensions.Logging;

namespace MailFromConsole.Web.Features.Identities;

public sealed class IdentityService(
    ISesClient ses,
    IdentityDirectory directory,
    IMailFromStatusCache statusCache,
    IRoleGuard guard,
    IAuditTrail audit,
    ILogger<IdentityService> logger) : IIdentityService
{
    private readonly ChangeGate gate = new(guard, audit, logger);

    public Task<ServiceResult<IdentityListPage>> ListAsync(string region, IdentityType type, IdentityQuery query, CancellationToken cancellationToken = default) =>
        ServiceEdge.RunAsync(logger, "List identities", async () =>
        {
            var names = await directory.NamesAsync(region, type, cancellationToken);
            IEnumerable<string> matching = names;
            if (!string.IsNullOrWhiteSpace(query.Search))
            {
                var search = query.Search.Trim();
                matching = matching.Where(n => n.Contains(search, StringComparison.OrdinalIgnoreCase));
            }
            var sorted = query.Descending
                ? matching.OrderByDescending(n => n, StringComparer.OrdinalIgnoreCase)
                : matching.OrderBy(n => n, StringComparer.OrdinalIgnoreCase);
            var all = sorted.ToList();
            var pageSize = Math.Clamp(query.PageSize, 1, 100);
            var visible = all.Skip(Math.Max(0, query.Page) * pageSize).Take(pageSize).ToList();
            var rows = await RowsAsync(region, type, visible, cancellationToken);
            return new IdentityListPage(rows, all.Count);
        });

    public async Task<ServiceResult<IdentityRow>> GetAsync(string region, string identity, CancellationToken cancellationToken = default)
    {
        var type = identity.Contains('@') ? IdentityType.EmailAddress : IdentityType.Domain;
        var read = await ServiceEdge.RunAsync(logger, "Read identity", async () =>
        {
            // SES leaves unknown identities out of the answer: a selection kept across a region switch may not exist here.
            var verification = await ses.GetIdentityVerificationAttributesAsync(region, [identity], cancellationToken);
            if (!verification.TryGetValue(identity, out var v)) return null;
            var mailFrom = await statusCache.GetAsync(region, [identity], cancellationToken);
            return new IdentityRow(identity, type, v.VerificationStatus, v.VerificationToken, mailFrom.GetValueOrDefault(identity));
        });
        if (!read.Succeeded) return ServiceResult<IdentityRow>.Fail(read.Error!, read.ErrorCode);
        return read.Value is { } row
            ? ServiceResult<IdentityRow>.Ok(row)
            : ServiceResult<IdentityRow>.Fail($"{AwsErrorText.Readable(identity)} is not an identity in {region}. Identities are per region: verify it in {region} to use it there.", "NotFound");
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

    public async Task<ServiceResult<VerificationStarted>> AddAsync(string region, IdentityType type, string identity, CancellationToken cancellationToken = default)
    {
        var attempt = VerificationAttempt(region, type, identity?.Trim() ?? "");
        if (await gate.RefuseAsync(ConsoleRole.Admin, attempt) is { } refusal) return ServiceResult<VerificationStarted>.Fail(refusal, ChangeGate.NotAuthorizedCode);
        // Invalid input is refused before AWS is asked: nothing was attempted, so nothing is recorded.
        var problem = CheckNewIdentity(type, identity);
        if (problem is not null) return ServiceResult<VerificationStarted>.Fail(problem, "InvalidInput");
        // SES takes ASCII names: send the form the Core rules normalised (punycode, lower-case domain, no trailing dot).
        var value = identity!.Trim(' ');
        MailFromDomainRules.TryIdentityDomain(value, out var domain, out _);
        var at = value.LastIndexOf('@');
        return await StartVerificationAsync(attempt with { Before = AuditText.None }, region, type, at < 0 ? domain : value[..at] + "@" + domain, cancellationToken);
    }

    public async Task<ServiceResult<VerificationStarted>> RetryVerificationAsync(string region, IdentityType type, string identity, CancellationToken cancellationToken = default)
    {
        var attempt = VerificationAttempt(region, type, identity) with { Detail = "Retry verification" };
        if (await gate.RefuseAsync(ConsoleRole.Admin, attempt) is { } refusal) return ServiceResult<VerificationStarted>.Fail(refusal, ChangeGate.NotAuthorizedCode);
        return await StartVerificationAsync(attempt, region, type, identity, cancellationToken);
    }

    public async Task<ServiceResult> DeleteAsync(string region, string identity, CancellationToken cancellationToken = default)
    {
        var attempt = new AuditChange(AuditActions.DeleteIdentity, region, identity) { After = "(deleted)" };
        if (await gate.RefuseAsync(ConsoleRole.Admin, attempt) is { } refusal) return ServiceResult.Fail(refusal, ChangeGate.NotAuthorizedCode);
        string? before = null;
        var result = await ServiceEdge.RunAsync(logger, "Remove identity", async () =>
        {
            var verification = await ses.GetIdentityVerificationAttributesAsync(region, [identity], cancellationToken);
            var mailFrom = await statusCache.GetAsync(region, [identity], cancellationToken);
            var status = verification.TryGetValue(identity, out var v) ? v.VerificationStatus.ToString() : "not an identity";
            before = $"{status}; MAIL FROM {AuditText.MailFrom(mailFrom.GetValueOrDefault(identity))}";
            await ses.DeleteIdentityAsync(region, identity, cancellationToken);
            directory.Removed(region, identity);
            statusCache.Invalidate(region, identity);
            return true;
        });
        await gate.RecordAsync(attempt with { Before = before }, result);
        return result.Succeeded ? ServiceResult.Ok() : ServiceResult.Fail(result.Error!, result.ErrorCode);
    }

    private static AuditChange VerificationAttempt(string region, IdentityType type, string identity) =>
        new(type == IdentityType.EmailAddress ? AuditActions.VerifyEmailIdentity : AuditActions.VerifyDomainIdentity, region, identity);

    private async Task<ServiceResult<VerificationStarted>> StartVerificationAsync(AuditChange attempt, string region, IdentityType type, string identity, CancellationToken cancellationToken)
    {
        var result = await ServiceEdge.RunAsync(logger, "Verify identity", async () =>
        {
            VerificationStarted started;
            if (type == IdentityType.EmailAddress)
            {
                await ses.VerifyEmailIdentityAsync(region, identity, cancellationToken);
                started = new VerificationStarted(identity, type, null, null);
            }
            else
            {
                var token = await ses.VerifyDomainIdentityAsync(region, identity, cancellationToken);
                started = new VerificationStarted(identity, type, $"_amazonses.{identity.TrimEnd('.').ToLowerInvariant()}", token);
            }
            directory.Added(region, type, identity);
            return started;
        });
        var after = result.Value switch
        {
            { VerificationToken: { } token } started => $"Pending; TXT {started.VerificationRecordName} = {token}",
            { } => "Pending; verification message sent",
            null => null,
        };
        await gate.RecordAsync(attempt with { After = after }, result);
        return result;
    }

    private async Task<IReadOnlyList<IdentityRow>> RowsAsync(string region, IdentityType type, IReadOnlyList<string> identities, CancellationToken cancellationToken)
    {
        if (identities.Count == 0) return [];
        var verification = await ses.GetIdentityVerificationAttributesAsync(region, identities, cancellationToken);
        var mailFrom = await statusCache.GetAsync(region, identities, cancellationToken);
        return identities.Select(name =>
        {
            verification.TryGetValue(name, out var v);
            mailFrom.TryGetValue(name, out var m);
            return new IdentityRow(name, type, v?.VerificationStatus ?? VerificationStatus.NotStarted, v?.VerificationToken, m);
        }).ToList();
    }
}
