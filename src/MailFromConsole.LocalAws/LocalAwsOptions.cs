using Microsoft.Extensions.Configuration;

namespace MailFromConsole.LocalAws;

/// <summary>Settings of the embedded local AWS (configuration section "LocalAws").</summary>
public sealed class LocalAwsOptions
{
    public const string SectionName = "LocalAws";

    /// <summary>The account of <see cref="AccessKeyId"/> (test/test): the id LocalStack and moto use for local stacks.</summary>
    public const string DefaultAccountId = "000000000000";

    /// <summary>The "LocalAws" section, with a relative DataFolder taken relative to <paramref name="contentRoot"/>.</summary>
    public static LocalAwsOptions FromConfiguration(IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(SectionName).Get<LocalAwsOptions>() ?? new LocalAwsOptions();
        options.DataFolder = Path.GetFullPath(options.DataFolder, contentRoot);
        return options;
    }

    /// <summary>Folder of the SQLite database; created when missing.</summary>
    public string DataFolder { get; set; } = "local-aws-data";

    /// <summary>Loopback HTTP port for SES and Route 53; 0 picks a free port.</summary>
    public int HttpPort { get; set; }

    /// <summary>Loopback DNS port for the zone view; 0 picks a free port.</summary>
    public int DnsPort { get; set; }

    /// <summary>Access key of the default account <see cref="DefaultAccountId"/>'s root user.</summary>
    public string AccessKeyId { get; set; } = "test";

    public string SecretAccessKey { get; set; } = "test";

    /// <summary>More local accounts besides the default one, each with its own identities and hosted zones.</summary>
    public List<LocalAccountOptions> Accounts { get; set; } = [];

    /// <summary>Roles that STS AssumeRole hands out, in any local account.</summary>
    public List<LocalRoleOptions> Roles { get; set; } = [];

    /// <summary>How often the MX-detection worker checks each MAIL FROM domain.</summary>
    public TimeSpan DetectionInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long detection keeps trying before Failed (SES: 72 hours).</summary>
    public TimeSpan DetectionWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Run the loopback DNS server and the MX-detection worker (off only in tests that do not need them).</summary>
    public bool EnableDnsAndDetection { get; set; } = true;

    /// <summary>Seed demo identities and zones when the data folder is new.</summary>
    public bool SeedDemoData { get; set; } = true;

    /// <summary>How long a Route 53 change stays PENDING before INSYNC.</summary>
    public TimeSpan ChangePropagationDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>SES API limit per region and action (the API reference: once per second).</summary>
    public double SesRequestsPerSecond { get; set; } = 1;

    /// <summary>Requests SES lets through at once before the per-second rate applies.</summary>
    public int SesBurst { get; set; } = 1;

    /// <summary>Route 53 API limit per account (documented: five requests per second).</summary>
    public double Route53RequestsPerSecond { get; set; } = 5;

    public int Route53Burst { get; set; } = 5;

    /// <summary>Turns the documented rate limits off (for load tests that are not about throttling).</summary>
    public bool EnforceRateLimits { get; set; } = true;

    /// <summary>
    /// Serve the local pages (mailbox, outside DNS, faults) on this port, unsigned, as a bare local AWS for its own
    /// tests does. Off by default: the console serves them on its own port behind its sign-in; this port then serves
    /// only the verification link and the AWS APIs.
    /// </summary>
    public bool PagesOnOwnPort { get; set; }

    /// <summary>Faults injected from start-up; more can be added at run time through <c>/_local/faults</c>.</summary>
    public List<FaultRule> Faults { get; set; } = [];
}
