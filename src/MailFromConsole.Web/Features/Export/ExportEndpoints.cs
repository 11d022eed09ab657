using MailFromConsole.Core.Export;
using MailFromConsole.Web.Infrastructure.Auth;

namespace MailFromConsole.Web.Features.Export;

/// <summary>
/// <c>/export/terraform</c> and <c>/export/cloudformation</c> with <c>?region=R&amp;identity=I&amp;identity=J…</c>: the
/// export dialog's documents as downloads, for signed-in users.
/// </summary>
public static class ExportEndpoints
{
    public const string TerraformPath = "/export/terraform";
    public const string CloudFormationPath = "/export/cloudformation";

    public static IEndpointRouteBuilder MapExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(TerraformPath, (HttpContext context, IExportService export) =>
            SendAsync(context, export, d => d.Terraform, TerraformExport.FileName, "text/plain")).RequireAuthorization(ConsolePolicies.Viewer);
        endpoints.MapGet(CloudFormationPath, (HttpContext context, IExportService export) =>
            SendAsync(context, export, d => d.CloudFormation, CloudFormationExport.FileName, "application/yaml")).RequireAuthorization(ConsolePolicies.Viewer);
        return endpoints;
    }

    /// <summary>The query string of an export of <paramref name="identities"/> in <paramref name="region"/>.</summary>
    public static string Query(string region, IEnumerable<string> identities) =>
        "?region=" + Uri.EscapeDataString(region) + string.Concat(identities.Select(i => "&identity=" + Uri.EscapeDataString(i)));

    private static async Task<IResult> SendAsync(HttpContext context, IExportService export, Func<ExportDocuments, string> document, string fileName, string mediaType)
    {
        var query = context.Request.Query;
        var result = await export.ExportAsync(query["region"], [.. query["identity"].OfType<string>()], context.RequestAborted);
        if (!result.Succeeded)
        {
            var status = result.ErrorCode is "UnknownRegion" or "UnknownIdentity" or "NoIdentity" ? StatusCodes.Status400BadRequest : StatusCodes.Status502BadGateway;
            return Results.Problem(result.Error, statusCode: status, title: result.ErrorCode);
        }
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        return Results.Text(document(result.Value!), mediaType + "; charset=utf-8");
    }
}
