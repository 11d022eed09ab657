using MailFromConsole.Core;
using MailFromConsole.Core.Ses;
using MailFromConsole.Web.Infrastructure.Hosting;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace MailFromConsole.Web.Infrastructure.Operations;

/// <summary>Ready when SES (real or the local AWS) answers a one-item ListIdentities in the default region.</summary>
internal sealed class AwsBackendHealthCheck(ISesClient ses, IOptions<ConsoleRegionOptions> regions) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var region = regions.Value.DefaultRegion;
        try
        {
            await ses.ListIdentitiesAsync(region, identityType: null, nextToken: null, maxItems: 1, cancellationToken);
            return HealthCheckResult.Healthy($"SES answers in {region}");
        }
        catch (AwsServiceException ex)
        {
            return HealthCheckResult.Unhealthy($"SES in {region} refused: {ex.ErrorCode}");
        }
        catch (HttpRequestException ex)
        {
            return HealthCheckResult.Unhealthy($"SES in {region} cannot be reached: {ex.Message}");
        }
    }
}
