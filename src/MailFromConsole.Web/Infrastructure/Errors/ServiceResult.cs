namespace MailFromConsole.Web.Infrastructure.Errors;

/// <summary>Outcome of a service call: pages show <see cref="Error"/> instead of letting an exception end the circuit.</summary>
public sealed record ServiceResult(bool Succeeded, string? Error, string? ErrorCode)
{
    public static ServiceResult Ok() => new(true, null, null);
    public static ServiceResult Fail(string error, string? code = null) => new(false, error, code);
}

/// <summary>Outcome of a service call with a value.</summary>
public sealed record ServiceResult<T>(T? Value, string? Error, string? ErrorCode)
{
    public bool Succeeded => Error is null;
    public static ServiceResult<T> Ok(T value) => new(value, null, null);
    public static ServiceResult<T> Fail(string error, string? code = null) => new(default, error, code);
}
