namespace MailFromConsole.Aws.Http;

/// <summary>What a request is, for the handlers below the typed clients: how to sign it and which limiter it takes.</summary>
/// <param name="Service">The signing name: <c>ses</c> or <c>route53</c>.</param>
/// <param name="SigningRegion">The region in the credential scope (Route 53: <c>us-east-1</c>).</param>
/// <param name="Operation">The API operation name, as in the service model.</param>
/// <param name="Region">The region the caller asked for (SES) or null for global services.</param>
internal sealed record AwsOperation(string Service, string SigningRegion, string Operation, string? Region)
{
    /// <summary>Credentials other than the console's own (an assumed role for another account's Route 53).</summary>
    public IAwsCredentialsProvider? Credentials { get; init; }

    public static readonly HttpRequestOptionsKey<AwsOperation> OptionKey = new("MailFromConsole.AwsOperation");

    public void AttachTo(HttpRequestMessage request) => request.Options.Set(OptionKey, this);

    public static AwsOperation From(HttpRequestMessage request) =>
        request.Options.TryGetValue(OptionKey, out var operation)
            ? operation
            : throw new InvalidOperationException("AWS request sent without an AwsOperation option.");
}
