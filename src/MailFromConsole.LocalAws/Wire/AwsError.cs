namespace MailFromConsole.LocalAws.Wire;

/// <summary>An AWS error answer (code, message, HTTP status) raised anywhere while handling a request.</summary>
internal sealed class AwsError(int statusCode, string code, string message, string type = "Sender")
    : Exception(message)
{
    public int StatusCode { get; } = statusCode;
    public string Code { get; } = code;
    public string Type { get; } = type;

    public static AwsError InvalidParameterValue(string message) => new(400, "InvalidParameterValue", message);

    public static AwsError Validation(string message) => new(400, "ValidationError", message);

    /// <summary>AWS's wording for a value outside a model enum.</summary>
    public static AwsError EnumValidation(string value, string member, string allowed) =>
        Validation($"1 validation error detected: Value '{value}' at '{member}' failed to satisfy constraint: Member must satisfy enum value set: [{allowed}]");

    public static AwsError Throttling() => new(400, "Throttling", "Rate exceeded");

    public static AwsError InvalidInput(string message) => new(400, "InvalidInput", message);

    /// <summary>Route 53 lists every problem of the batch in one message: "[first, second]".</summary>
    public static AwsError InvalidChangeBatch(IReadOnlyList<string> messages) =>
        new(400, "InvalidChangeBatch", "[" + string.Join(", ", messages) + "]");
}
