using System.Globalization;
using Microsoft.AspNetCore.Http.Features;

namespace MailFromConsole.Web.Infrastructure.Hosting;

/// <summary>
/// One size limit for every request body (<c>Console:MaxRequestBodySize</c>, bytes): Kestrel enforces it, and a
/// request that declares more is answered "too large" before antiforgery or form binding would misreport it.
/// </summary>
public static class RequestSizeLimit
{
    public const long DefaultBytes = 1024 * 1024;

    private const long DrainedBytes = 32 * 1024 * 1024;

    public static long Of(IConfiguration configuration) =>
        Math.Max(1024, configuration.GetValue<long?>("Console:MaxRequestBodySize") ?? DefaultBytes);

    public static WebApplicationBuilder LimitRequestBodies(this WebApplicationBuilder builder)
    {
        var limit = Of(builder.Configuration);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = limit);
        return builder;
    }

    /// <summary>Call before the auth and antiforgery middleware.</summary>
    public static WebApplication UseRequestSizeLimit(this WebApplication app)
    {
        var limit = Of(app.Configuration);
        app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength is not { } length || length <= limit)
            {
                await next(context);
                return;
            }
            // A browser (and HttpClient) sends the whole body before it reads the answer: take in a moderately large
            // one so the sender sees the message; beyond that the connection is cut, as Kestrel's own limit does.
            if (length <= DrainedBytes && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = DrainedBytes;
                await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            }
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(
                $"This request is too large ({Size(length)}); the console accepts at most {Size(limit)} per request.", context.RequestAborted);
        });
        return app;
    }

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB"
        : (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KB";
}
