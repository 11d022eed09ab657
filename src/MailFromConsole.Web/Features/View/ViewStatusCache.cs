using MailFromConsole.Core.Ses;
using MailFromConsole.Core.View;
using MailFromConsole.Web.Features.Status;

namespace MailFromConsole.Web.Features.View;

/// <summary>
/// MAIL FROM attributes as the pages need them, read from the account view: a page view asks SES nothing. Only a
/// change the console makes reads SES at once (<see cref="RefreshAsync"/>: the setting right before writing, and what a
/// test email will use); everything else, the confirmation of a change too, is the sweeper's.
/// </summary>
public sealed class ViewStatusCache(AccountView view, AccountViewSweeper sweeper, WatchedIdentities watched, ISesClient ses, TimeProvider time) : IMailFromStatusCache
{
    public Task<IReadOnlyDictionary<string, IdentityMailFromDomainAttributes>> GetAsync(string region, IReadOnlyCollection<string> identities, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(identities);
        var found = new Dictionary<string, IdentityMailFromDomainAttributes>(StringComparer.Ordinal);
        foreach (var identity in identities)
            if (view.Find(region, identity)?.MailFrom is { } attributes) found[identity] = attributes;
        return Task.FromResult<IReadOnlyDictionary<string, IdentityMailFromDomainAttributes>>(found);
    }

    public async Task<IdentityMailFromDomainAttributes?> RefreshAsync(string region, string identity, CancellationToken cancellationToken = default)
    {
        var askedAt = time.GetUtcNow();
        var answer = await ses.GetIdentityMailFromDomainAttributesAsync(region, [identity], cancellationToken);
        await view.ReadAsync(region, ViewPart.MailFrom, askedAt, [identity], answer, (s, m, at) => s with { MailFrom = m, MailFromReadAt = at }, cancellationToken);
        return answer.GetValueOrDefault(identity);
    }

    public IDisposable Watch(string region, string identity, Action<IdentityMailFromDomainAttributes?> onUpdate)
    {
        ArgumentNullException.ThrowIfNull(onUpdate);
        var watching = watched.Watch(region, identity);
        void OnChanged(ViewChange change)
        {
            if (change.Region == region && change.Identities.Contains(identity, StringComparer.Ordinal)) onUpdate(view.Find(region, identity)?.MailFrom);
        }
        view.Changed += OnChanged;
        return new Unwatch(() =>
        {
            view.Changed -= OnChanged;
            watching.Dispose();
        });
    }

    public string? LastPollError(string region) => sweeper.LastError(region);

    private sealed class Unwatch(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
