using MailFromConsole.Core.Ses;

namespace MailFromConsole.Aws.Ses;

/// <summary>Paging helpers over <see cref="ISesClient"/>.</summary>
public static class SesClientPaging
{
    /// <summary>Every identity of the region, following NextToken until SES stops returning one.</summary>
    public static async Task<IReadOnlyList<string>> ListAllIdentitiesAsync(this ISesClient client, string region, IdentityType? identityType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var all = new List<string>();
        string? nextToken = null;
        do
        {
            var page = await client.ListIdentitiesAsync(region, identityType, nextToken, maxItems: null, cancellationToken).ConfigureAwait(false);
            all.AddRange(page.Identities);
            nextToken = page.NextToken;
        }
        while (nextToken is not null);
        return all;
    }
}
