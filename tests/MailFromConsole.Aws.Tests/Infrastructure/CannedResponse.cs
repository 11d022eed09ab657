namespace MailFromConsole.Aws.Tests.Infrastructure;

public sealed record CannedResponse(int StatusCode, string Body, string ContentType = "text/xml")
{
    public static CannedResponse Ok(string body) => new(200, body);

    /// <summary>The request is read, then the connection is dropped: the client never gets an answer.</summary>
    public static CannedResponse Lost { get; } = new(0, "");
}
