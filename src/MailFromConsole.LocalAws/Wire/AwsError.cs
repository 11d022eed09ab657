namespace MailFromConsole.LocalAws.Wire;

/// <summary>An AWS error answer (code, message, HTTP status) raised anywhere while handling a request.</summary>
internal sealed class AwsError(int statusCode, string code, string message, string type = "Sender", IReadOnlyList<string>? messages = null)
    : Exception(message)
{
    public int StatusCode { get; } = statusCode;
    public string Code { get; } = code;
    public string Type { get; } = type;

    /// <summary>Route 53 InvalidChangeBatch carries one message per failed change.</summary>
    public IReadOnlyList<string>? Messages { get; } = messages;

    public static AwsError InvalidParameterValue(string message) => new(400, "InvalidParameterValue", message);

    public static AwsError Validation(string message) => new(400, "ValidationError", message);

    public static AwsError Throttling() => new(400, "Throttling", "Rate exceeded");

    public static AwsError InvalidInput(string message) => new(400, "InvalidInput", message);

    public static AwsError InvalidChangeBatch(IReadOnlyList<string> messages) =>
        new(400, "InvalidChangeBatch", "[" + string.Join(", ", messages) + "]", "Sender", messages);
}
