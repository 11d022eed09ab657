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

    public bool IsThrottling => ErrorCode is "Throttling" or "ThrottlingException" or "PriorRequestNotComplete";
}
