namespace MailFromConsole.Core;

/// <summary>An error answered by an AWS service (or the local one): the AWS error code and message, verbatim.</summary>
public class AwsServiceException(string service, string errorCode, string message, int statusCode, string? requestId, Exception? innerException = null)
    : Exception($"{service} {errorCode}: {message}", innerException)
{
    public string Service { get; } = service;
    public string ErrorCode { get; } = errorCode;
    public string AwsMessage { get; } = message;
    public int StatusCode { get; } = statusCode;
    public string? RequestId { get; } = requestId;

    /// <summary>
    /// The request may have reached AWS but no answer came back (a time-out, a connection closed after sending): a change
    /// may or may not have been applied. False when AWS answered, or when nothing could be sent.
    /// </summary>
    public bool OutcomeUnknown { get; init; }
}
