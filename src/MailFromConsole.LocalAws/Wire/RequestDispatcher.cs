using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using MailFromConsole.LocalAws.Auth;
using MailFromConsole.LocalAws.Faults;
using MailFromConsole.LocalAws.Local;
using MailFromConsole.LocalAws.Route53;
using MailFromConsole.LocalAws.Ses;
using MailFromConsole.LocalAws.Store;
using MailFromConsole.LocalAws.SesV2;
using MailFromConsole.LocalAws.Sts;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;

namespace MailFromConsole.LocalAws.Wire;

/// <summary>
/// One endpoint for all services, as AWS has one per host: a form POST to <c>/</c> with <c>Action=</c> is SES, or
/// STS when its credential scope names <c>sts</c> (or, unsigned, its Action is an STS one); a path under
/// <c>/v2/email/</c> is the SES API v2 (REST-JSON); a path under <c>/2013-04-01/</c> is Route 53; <c>/_local/</c> are the local pages (mapped before this; here only what is not there). Every AWS request is SigV4-verified for
/// its service, acts in the account of the key that signed it, may meet an injected fault, and is rate limited as
/// the service documents.
/// </summary>
internal sealed class RequestDispatcher(
    SigV4Verifier verifier,
    SesApi ses,
    SesV2Api sesV2,
    Route53Api route53,
    StsApi sts,
    FaultInjector faults,
    RateLimiter rateLimiter,
    LocalAwsOptions options,
    ILogger<RequestDispatcher> logger)
{
    private const int MaxBodyBytes = 10 * 1024 * 1024;

    public async Task HandleAsync(HttpContext context)
    {
        var arrivedAt = rateLimiter.Now();
        var path = context.Request.Path.Value ?? "/";
        if (path.StartsWith(LocalPages.Prefix, StringComparison.Ordinal))
        {
            await LocalPages.NotFoundAsync(context, options.PagesOnOwnPort);
            return;
        }

        if (SesV2Route.IsV2(path))
        {
            await SesV2Async(context, path, arrivedAt);
            return;
        }

        var service = path.StartsWith(Route53Api.Prefix, StringComparison.Ordinal) ? SigningService.Route53
            : SigV4Verifier.ScopeService(context.Request.Headers.Authorization) == SigningService.Sts.Name ? SigningService.Sts
            : SigningService.Ses;
        var requestId = ResourceIds.RequestId();
        WireResponse response;
        try
        {
            var body = await ReadBodyAsync(context.Request, context.RequestAborted);
            if (service == SigningService.Route53)
            {
                response = await Route53Async(context, path, body, arrivedAt);
            }
            else
            {
                var parameters = FormParameters(context.Request, body);
                if (IsUnsignedStsAction(context, parameters))
                {
                    // So an unsigned STS call is refused in STS's own namespace.
                    service = SigningService.Sts;
                }

                response = service == SigningService.Sts
                    ? await StsAsync(context, path, body, parameters, requestId)
                    : await SesAsync(context, path, body, parameters, requestId, arrivedAt);
            }
        }
        catch (AwsError error)
        {
            response = new WireResponse(error.StatusCode, AwsXml.Error(Namespace(service), error, requestId));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Surface as AWS does (500 InternalFailure) and keep the details in the log.
            logger.LogError(e, "Local AWS request {Method} {Path} failed", context.Request.Method, path);
            var error = new AwsError(500, "InternalFailure", "The request processing has failed because of an unknown error.", "Receiver");
            response = new WireResponse(500, AwsXml.Error(Namespace(service), error, requestId));
        }

        logger.LogDebug("{Service} {Method} {Path} -> {Status} {RequestId}",
            service.Name, context.Request.Method, path, response.StatusCode, requestId);
        context.Response.StatusCode = response.StatusCode;
        context.Response.ContentType = "text/xml";
        context.Response.Headers["x-amzn-RequestId"] = requestId;
        if (response.Location is not null)
        {
            context.Response.Headers.Location = response.Location;
        }

        await context.Response.Body.WriteAsync(AwsXml.ToBytes(response.Body), context.RequestAborted);
    }

    private static XNamespace Namespace(SigningService service) =>
        service == SigningService.Route53 ? AwsXml.Route53 : service == SigningService.Sts ? StsNames.Namespace : AwsXml.Ses;

    private static bool IsUnsignedStsAction(HttpContext context, SesParameters parameters) =>
        string.IsNullOrEmpty(context.Request.Headers.Authorization) &&
        parameters.Optional("Action") is { } action && StsNames.ModelActions.Contains(action);

    private async Task<WireResponse> SesAsync(HttpContext context, string path, byte[] body, SesParameters parameters, string requestId, long arrivedAt)
    {
        RequireRoot(path);
        var scope = Verify(context, body, SigningService.Ses);
        var action = parameters.Optional("Action") ?? throw new AwsError(400, "MissingAction", "Missing Action");
        if (!SesOperations.All.Contains(action))
        {
            throw new AwsError(400, "InvalidAction", $"The action {action} is not valid for this web service.");
        }

        await faults.ApplyAsync("ses", action, context.RequestAborted);
        // SendEmail has the account's sending rate; the identity APIs are "once per second" each.
        var (rate, burst) = action == SesOperations.SendEmail ? (14.0, 14) : (options.SesRequestsPerSecond, options.SesBurst);
        if (options.EnforceRateLimits && !rateLimiter.TryTake($"ses:{scope.Caller.AccountId}:{scope.Region}:{action}", rate, burst, arrivedAt))
        {
            throw Throttled($"ses {scope.Region} {action}");
        }

        return WireResponse.Ok(ses.Handle(action, new SesScope(scope.Caller.AccountId, scope.Region), parameters, requestId));
    }

    private async Task<WireResponse> StsAsync(HttpContext context, string path, byte[] body, SesParameters parameters, string requestId)
    {
        RequireRoot(path);
        var scope = Verify(context, body, SigningService.Sts);
        var action = parameters.Optional("Action") ?? throw new AwsError(400, "MissingAction", "Missing Action");
        await faults.ApplyAsync("sts", action, context.RequestAborted);
        return WireResponse.Ok(sts.Handle(action, scope.Caller, parameters, requestId));
    }

    /// <summary>The REST-JSON API: the same signing and limits as the Query API, errors as <c>x-amzn-ErrorType</c> + <c>{"message"}</c>.</summary>
    private async Task SesV2Async(HttpContext context, string path, long arrivedAt)
    {
        var requestId = ResourceIds.RequestId();
        int status;
        JsonObject body;
        string? errorType = null;
        try
        {
            var bytes = await ReadBodyAsync(context.Request, context.RequestAborted);
            var scope = Verify(context, bytes, SigningService.Ses);
            var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? path;
            var route = SesV2Route.Match(context.Request.Method, rawTarget.Split('?')[0])
                        ?? throw new AwsError(404, "UnknownOperationException", $"No operation at {context.Request.Method} {path}");
            await faults.ApplyAsync("ses", route.Operation, context.RequestAborted);
            if (options.EnforceRateLimits && !rateLimiter.TryTake($"ses:{scope.Caller.AccountId}:{scope.Region}:{route.Operation}", options.SesRequestsPerSecond, options.SesBurst, arrivedAt))
            {
                throw Throttled($"sesv2 {scope.Region} {route.Operation}");
            }

            var query = context.Request.Query;
            body = sesV2.Handle(route, new SesScope(scope.Caller.AccountId, scope.Region), name => query.TryGetValue(name, out var v) ? [.. v.OfType<string>()] : [], bytes);
            status = 200;
        }
        catch (AwsError raw)
        {
            var error = SesV2Api.Translate(raw);
            (status, errorType, body) = (error.StatusCode, error.Code, new JsonObject { ["message"] = AwsXml.XmlSafe(error.Message) });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Local AWS request {Method} {Path} failed", context.Request.Method, path);
            (status, errorType, body) = (500, "InternalFailure", new JsonObject { ["message"] = "The request processing has failed because of an unknown error." });
        }

        logger.LogDebug("sesv2 {Method} {Path} -> {Status} {RequestId}", context.Request.Method, path, status, requestId);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        context.Response.Headers["x-amzn-RequestId"] = requestId;
        if (errorType is not null)
        {
            context.Response.Headers[SesV2Wire.ErrorTypeHeader] = errorType;
        }

        await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body.ToJsonString()), context.RequestAborted);
    }

    private async Task<WireResponse> Route53Async(HttpContext context, string path, byte[] body, long arrivedAt)
    {
        var scope = Verify(context, body, SigningService.Route53);
        var operation = Route53Api.OperationName(context.Request.Method, path)
                        ?? throw new AwsError(404, "UnknownOperationException", $"No operation at {context.Request.Method} {path}");
        await faults.ApplyAsync("route53", operation, context.RequestAborted);
        // Route 53's documented limit is per account.
        if (options.EnforceRateLimits && !rateLimiter.TryTake($"route53:{scope.Caller.AccountId}", options.Route53RequestsPerSecond, options.Route53Burst, arrivedAt))
        {
            throw Throttled("route53");
        }

        var query = context.Request.Query;
        return route53.Handle(operation, scope.Caller.AccountId, path, name => query.TryGetValue(name, out var v) ? v.ToString() : null, body);
    }

    /// <summary>Said in the log too: a client that keeps to AWS's limits never sees one (the multi-instance tests check).</summary>
    private AwsError Throttled(string what)
    {
        logger.LogWarning("Local AWS: Throttling {What}, over the documented rate", what);
        return AwsError.Throttling();
    }

    private static void RequireRoot(string path)
    {
        if (path != "/")
        {
            throw new AwsError(404, "NotFound", $"No such resource: {path}");
        }
    }

    private SignedScope Verify(HttpContext context, byte[] body, SigningService service)
    {
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget ?? context.Request.Path.Value ?? "/";
        var question = rawTarget.IndexOf('?');
        var rawPath = question < 0 ? rawTarget : rawTarget[..question];
        var rawQuery = question < 0 ? "" : rawTarget[(question + 1)..];
        var headers = context.Request.Headers;
        return verifier.Verify(new SignedRequest(
            context.Request.Method, rawPath, rawQuery,
            name => headers.TryGetValue(name, out var value) ? value.ToString() : null,
            body), service);
    }

    private static SesParameters FormParameters(HttpRequest request, byte[] body)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Query)
        {
            values[key] = value.ToString();
        }

        if (request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true)
        {
            foreach (var (key, value) in QueryHelpers.ParseQuery(System.Text.Encoding.UTF8.GetString(body)))
            {
                values[key] = value.ToString();
            }
        }

        return new SesParameters(values);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                throw new AwsError(413, "RequestEntityTooLarge", "Request body too large.");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
