using System.Globalization;
using MailFromConsole.Web.Infrastructure.Auth;

namespace MailFromConsole.Web.Features.Bulk;

/// <summary><c>/jobs/{id}/results.csv</c>: a job's rows and results, for signed-in users.</summary>
public static class BulkEndpoints
{
    public static string CsvPath(long id) => $"/jobs/{id.ToString(CultureInfo.InvariantCulture)}/results.csv";

    public static IEndpointRouteBuilder MapBulkResults(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/jobs/{id:long}/results.csv", async (long id, IBulkSetupService bulk, CancellationToken cancellationToken) =>
        {
            var details = await bulk.JobAsync(id, cancellationToken);
            return details.Succeeded
                ? Results.File(System.Text.Encoding.UTF8.GetBytes(BulkCsv.Write(details.Value!)), "text/csv; charset=utf-8", $"bulk-job-{id.ToString(CultureInfo.InvariantCulture)}.csv")
                : Results.NotFound(details.Error);
        }).RequireAuthorization(ConsolePolicies.Viewer);
        return endpoints;
    }
}
