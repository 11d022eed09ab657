using MailFromConsole.Aws;
using MailFromConsole.Aws.Policy;
using MailFromConsole.Core.Route53;
using MailFromConsole.Core.Ses;
using MailFromConsole.Core.Sts;
using MailFromConsole.Web.Infrastructure.Auth;
using MailFromConsole.Web.Infrastructure.Errors;
using MailFromConsole.Web.Infrastructure.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailFromConsole.Web.Features.Connection;

/// <summary>
/// Tries each read-only action the console needs where it needs it (SES per region, Route 53 per account) and names the
/// write actions without trying them. Each call goes through the error edge on its own, so one refusal does not hide the rest.
/// </summary>
public sealed class ConnectionService(
    IStsClient sts,
    ISesClient ses,
    IRoute53Accounts route53Accounts,
    IOptions<ConsoleRegionOptions> regions,
    IOptions<AwsClientOptions> aws,
    IRoleGuard guard,
    ILogger<ConnectionService> logger) : IConnectionService
{
    private static readonly HashSet<string> RefusalCodes = new(StringComparer.Ordinal) { "AccessDenied", "AccessDeniedException" };

    public Task<ServiceResult<ConnectionReport>> CheckAsync(CancellationToken cancellationToken = default) =>
        ServiceEdge.RunAsync(logger, "Check the AWS connection", async () =>
        {
            guard.Require(ConsoleRole.Admin);
            var identities = new List<RegionIdentity>();
            var checks = new List<ActionCheck>();
            foreach (var region in regions.Value.EffectiveRegions)
            {
                var who = await ServiceEdge.RunAsync(logger, $"GetCallerIdentity in {region}", () => sts.GetCallerIdentityAsync(region, cancellationToken));
                identities.Add(new RegionIdentity(region, who.Value, who.Error));
                await CheckSesAsync(region, checks, cancellationToken);
            }

            var reaches = new List<Route53Reach>();
            foreach (var account in route53Accounts.All)
                reaches.Add(await CheckRoute53Async(account, checks, cancellationToken));

            checks.AddRange(LeastPrivilegePolicy.Actions
                .Where(a => a.Access == PolicyAccess.Write && a.Resource != PolicyResource.Route53Role)
                .Select(a => new ActionCheck(a.IamAction, "", ActionCheckOutcome.NotTried, "Changes AWS, so it is not tried here; the console needs it for its changes.")));

            var roles = route53Accounts.All.Where(a => a.ThroughRole).Select(a => a.RoleArn!).ToList();
            return new ConnectionReport(identities, reaches, checks, LeastPrivilegePolicy.Document(aws.Value.ManagedHostedZoneIds, roles));
        });

    private async Task CheckSesAsync(string region, List<ActionCheck> checks, CancellationToken cancellationToken)
    {
        var listed = await ServiceEdge.RunAsync(logger, $"ListIdentities in {region}", () => ses.ListIdentitiesAsync(region, null, null, 1, cancellationToken));
        checks.Add(Check("ses:ListIdentities", region, listed));
        var identity = listed.Value?.Identities.FirstOrDefault();
        IReadOnlyCollection<string> one = identity is null ? [] : [identity];
        var reads = new (string Action, Func<Task> Probe)[]
        {
            ("ses:GetIdentityVerificationAttributes", () => ses.GetIdentityVerificationAttributesAsync(region, one, cancellationToken)),
            ("ses:GetIdentityMailFromDomainAttributes", () => ses.GetIdentityMailFromDomainAttributesAsync(region, one, cancellationToken)),
            ("ses:GetIdentityDkimAttributes", () => ses.GetIdentityDkimAttributesAsync(region, one, cancellationToken)),
            ("ses:GetIdentityNotificationAttributes", () => ses.GetIdentityNotificationAttributesAsync(region, one, cancellationToken)),
        };
        foreach (var (action, probe) in reads)
        {
            checks.Add(identity is null
                ? new ActionCheck(action, region, ActionCheckOutcome.NotTried, "There is no identity in this region to read.")
                : Check(action, region, await ServiceEdge.RunAsync(logger, $"{action} in {region}", probe)));
        }
    }

    private async Task<Route53Reach> CheckRoute53Async(Route53Account account, List<ActionCheck> checks, CancellationToken cancellationToken)
    {
        var where = $"Route 53 in {account.Describe()}";
        var listed = await ServiceEdge.RunAsync(logger, $"ListHostedZonesByName in {account.Describe()}", () => account.Client.ListHostedZonesByNameAsync(null, null, 1, cancellationToken));
        // The edge names the role when STS refused it (AssumeRoleException); any other error came from Route 53 itself.
        if (account.ThroughRole)
            checks.Add(listed.ErrorCode is { } code && listed.Error!.Contains($"assume {account.RoleArn}", StringComparison.Ordinal)
                ? new ActionCheck("sts:AssumeRole", account.RoleArn!, RefusalCodes.Contains(code) ? ActionCheckOutcome.Denied : ActionCheckOutcome.Failed, listed.Error)
                : new ActionCheck("sts:AssumeRole", account.RoleArn!, ActionCheckOutcome.Allowed, "The role's session was issued."));
        checks.Add(Check("route53:ListHostedZonesByName", where, listed));

        var zone = listed.Value?.HostedZones.FirstOrDefault();
        checks.Add(zone is null
            ? new ActionCheck("route53:ListResourceRecordSets", where, ActionCheckOutcome.NotTried, "There is no hosted zone to read.")
            : Check("route53:ListResourceRecordSets", where, await ServiceEdge.RunAsync(logger, $"ListResourceRecordSets in {account.Describe()}",
                () => (Task)account.Client.ListResourceRecordSetsAsync(zone.Id, zone.Name, "SOA", cancellationToken))));
        checks.Add(new ActionCheck("route53:GetChange", where, ActionCheckOutcome.NotTried, "Needs a change id: it is used right after each publish."));
        return new Route53Reach(account.ThroughRole ? account.Describe() : "The console's own account", account.Suffix, listed.Succeeded, listed.Error);
    }

    private static ActionCheck Check<T>(string action, string where, ServiceResult<T> result) => Check(action, where, new ServiceResult(result.Succeeded, result.Error, result.ErrorCode));

    private static ActionCheck Check(string action, string where, ServiceResult result) =>
        result.Succeeded ? new ActionCheck(action, where, ActionCheckOutcome.Allowed, "Allowed.")
        : new ActionCheck(action, where, result.ErrorCode is { } code && RefusalCodes.Contains(code) ? ActionCheckOutcome.Denied : ActionCheckOutcome.Failed, result.Error!);
}
