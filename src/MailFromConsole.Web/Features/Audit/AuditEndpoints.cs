using System.Globalization;
using System.Text;
using MailFromConsole.Web.Infrastructure.Auth;
namespace MailFromConsole.Web.Features.Audit;

/// <summary><c>/audit/export.csv</c> and <c>/audit/export.json</c>, with the audit page's filters as query parameters.</summary>
public static class AuditEndpoints
{
    public const string CsvPath = "/audit/export.csv";
    public const string JsonPath = "/audit/export.json";

    public static IEndpointRouteBuilder MapAuditExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(CsvPath, ExportCsvAsync).RequireAuthorization(ConsolePolicies.Viewer);
        endpoints.MapGet(JsonPath, ExportJson).RequireAuthorization(ConsolePolicies.Viewer);
        return endpoints;
    }

    /// <summary>The query string that selects <paramref name="filter"/>, for export links.</summary>
    public static string QueryString(AuditQuery filter)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }
        Add("user", filter.User);
        Add("region", filter.Region);
        Add("identity", filter.Identity);
        Add("action", filter.Action);
        Add("result", filter.Succeeded switch { true => "success", false => "failure", null => null });
        Add("from", filter.From?.ToString("O", CultureInfo.InvariantCulture));
        Add("to", filter.To?.ToString("O", CultureInfo.InvariantCulture));
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    private static async Task ExportCsvAsync(HttpContext context, IAuditLog log, TimeProvider time)
    {
        if (!TryReadFilter(context.Request.Query, out var filter, out var problem))
        {
            await Results.Problem(problem, statusCode: StatusCodes.Status400BadRequest).ExecuteAsync(context);
            return;
        }
        var response = context.Response;
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"mailfrom-audit-{time.GetUtcNow():yyyyMMdd-HHmmss}.csv\"";
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await writer.WriteAsync(AuditCsv.Line(AuditCsv.Header));
        await foreach (var entry in log.ExportAsync(filter, context.RequestAborted))
        {
            await writer.WriteAsync(AuditCsv.Row(entry));
        }
    }

    private static IResult ExportJson(HttpContext context, IAuditLog log, TimeProvider time)
    {
        if (!TryReadFilter(context.Request.Query, out var filter, out var problem))
        {
            return Results.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
        }
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"mailfrom-audit-{time.GetUtcNow():yyyyMMdd-HHmmss}.json\"";
        return Results.Ok(log.ExportAsync(filter, context.RequestAborted));
    }

    internal static bool TryReadFilter(IQueryCollection query, out AuditQuery filter, out string problem)
    {
        filter = new AuditQuery();
        problem = "";
        DateTimeOffset? from = null, to = null;
        if (!TryReadTime(query, "from", ref from, ref problem) || !TryReadTime(query, "to", ref to, ref problem))
        {
            return false;
        }
        bool? succeeded;
        switch (((string?)query["result"])?.Trim().ToLowerInvariant())
        {
            case null or "" or "any":
                succeeded = null;
                break;
            case "success":
                succeeded = true;
                break;
            case "failure":
                succeeded = false;
                break;
            default:
                problem = "result must be success, failure or any.";
                return false;
        }
        filter = new AuditQuery
        {
            User = query["user"],
            Region = query["region"],
            Identity = query["identity"],
            Action = query["action"],
            Succeeded = succeeded,
            From = from,
            To = to,
        };
        return true;
    }

    private static bool TryReadTime(IQueryCollection query, string name, ref DateTimeOffset? value, ref string problem)
    {
        var text = (string?)query[name];
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            value = parsed;
            return true;
        }
        problem = $"{name} must be a date and time such as 2026-11-25T08:00:00Z.";
        return false;
    }
}
