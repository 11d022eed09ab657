using System.Globalization;
using System.Xml.Linq;
using MailFromConsole.Aws.Http;
using MailFromConsole.Core.Sts;
using Microsoft.Extensions.Options;
using M = MailFromConsole.Aws.Sts.StsWire.Members;
using Op = MailFromConsole.Aws.Sts.StsWire.Operations;

namespace MailFromConsole.Aws.Sts;

/// <summary>STS over the Query API (form POST, XML answers), signed as <c>sts</c> in the caller's region.</summary>
internal sealed class StsClient(HttpClient httpClient, IOptions<AwsClientOptions> options) : IStsClient
{
    internal const string ServiceName = "STS";

    public async Task<CallerIdentity> GetCallerIdentityAsync(string region, CancellationToken cancellationToken = default)
    {
        var root = await CallAsync(region, new QueryRequest(Op.GetCallerIdentity, StsWire.ApiVersion), cancellationToken).ConfigureAwait(false);
        return new CallerIdentity(Required(root, M.Account), Required(root, M.Arn), Required(root, M.UserId));
    }

    public async Task<AssumedRole> AssumeRoleAsync(string region, string roleArn, string roleSessionName, string? externalId, CancellationToken cancellationToken = default)
    {
        var query = new QueryRequest(Op.AssumeRole, StsWire.ApiVersion)
            .Add(M.RoleArn, roleArn)
            .Add(M.RoleSessionName, roleSessionName)
            .AddIfNotNull(M.ExternalId, externalId);
        var root = await CallAsync(region, query, cancellationToken).ConfigureAwait(false);
        var credentials = root.Find(M.Credentials) ?? throw AwsCall.InvalidResponse(ServiceName, "AssumeRole returned no Credentials", null);
        var user = root.Find(M.AssumedRoleUser) ?? throw AwsCall.InvalidResponse(ServiceName, "AssumeRole returned no AssumedRoleUser", null);
        var expiration = DateTimeOffset.TryParse(Required(credentials, M.Expiration), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : throw AwsCall.InvalidResponse(ServiceName, "unreadable Expiration", null);
        return new AssumedRole(Required(credentials, M.AccessKeyId), Required(credentials, M.SecretAccessKey), Required(credentials, M.SessionToken), expiration, Required(user, M.Arn));
    }

    private static string Required(XElement element, string name) =>
        element.Find(name)?.Value ?? throw AwsCall.InvalidResponse(ServiceName, $"{element.Name.LocalName} without {name}", null);

    private async Task<XElement> CallAsync(string region, QueryRequest query, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, EndpointFor(region, options.Value)) { Content = query.ToContent() };
        new AwsOperation(StsWire.SigningName, region, query.Action, region).AttachTo(request);
        return await AwsCall.SendAsync(httpClient, request, ServiceName, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The override if configured, else STS's regional endpoint (the global one is a legacy of us-east-1).</summary>
    internal static Uri EndpointFor(string region, AwsClientOptions options)
    {
        AwsCall.ValidateRegion(region);
        return options.StsServiceUrl ?? new UriBuilder(Uri.UriSchemeHttps, string.Create(CultureInfo.InvariantCulture, $"sts.{region}.amazonaws.com")).Uri;
    }
}
