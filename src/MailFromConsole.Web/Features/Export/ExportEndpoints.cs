using MailFromConsole.Core.Export;
using MailFromConsole.Web.Infrastructure.Auth;
using Microsoft.Extensions.Primitives;

namespace MailFromConsole.Web.Features.Export;

/// <summary>
/// <c>/export/terraform</c> and <c>/export/cloudformation</c> with <c>?region=R&amp;identity=I&amp;identity=J…</c>: the
/// export dialog's documents as downloads, for signed-in users. The same fields also come as a form post (with the
/// antiforgery field), for a selection of thousands of identities that does not fit in an address.
/// </summary>
public static class ExportEndpoints
{
    public const string TerraformPath = "/export/terraform";
    public const string CloudFormationPath = "/export/cloudformation";
    public const string RegionField = "region";
    public const string IdentityField = "identity";

    // SES allows 10,000 identities per region: a form may name each of them, beside the region and the antiforgery field.
    private const int MostFormValues = 10_000 + 8;

    public static IEndpointRouteBuilder MapExport(this IEndpointRouteBuilder endpoints)
    {
        Map(endpoints, TerraformPath, d => d.Terraform, TerraformExport.FileName, "text/plain");
        Map(endpoints, CloudFormationPath, d => d.CloudFormation, CloudFormationExport.FileName, "application/yaml");
        return endpoints;
    }

    /// <summary>The query string of an export of <paramref name="identities"/> in <paramref name="region"/>.</summary>
    public static string Query(string region, IEnumerable<string> identities) =>
        $"?{RegionField}=" + Uri.EscapeDataString(region) + string.Concat(identities.Select(i => $"&{IdentityField}=" + Uri.EscapeDataString(i)));

    private static void Map(IEndpointRouteBuilder endpoints, string path, Func<ExportDocuments, string> document, string fileName, string mediaType)
    {
        endpoints.MapGet(path, (HttpContext context, IExportService export) =>
            SendAsync(context, export, context.Request.Query[RegionField], context.Request.Query[IdentityField], document, fileName, mediaType))
            .RequireAuthorization(ConsolePolicies.Viewer);
        // A form parameter makes ASP.NET check the antiforgery field before the handler runs.
        endpoints.MapPost(path, (HttpContext context, IFormCollection form, IExportService export) =>
            SendAsync(context, export, form[RegionField], form[IdentityField], document, fileName, mediaType))
            .RequireAuthorization(ConsolePolicies.Viewer)
            .WithFormOptions(valueCountLimit: MostFormValues);
    }

    private static async Task<IResult> SendAsync(HttpContext context, IExportService export, StringValues region, StringValues identities,
        Func<ExportDocuments, string> document, string fileName, string mediaType)
    {
        var result = await export.ExportAsync(region, [.. identities.OfType<string>()], context.RequestAborted);
        if (!result.Succeeded)
        {
            var status = result.ErrorCode is "UnknownRegion" or "UnknownIdentity" or "NoIdentity" ? StatusCodes.Status400BadRequest : StatusCodes.Status502BadGateway;
            return Results.Problem(result.Error, statusCode: status, title: result.ErrorCode);
        }
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        return Results.Text(document(result.Value!), mediaType + "; charset=utf-8");
    }
}
