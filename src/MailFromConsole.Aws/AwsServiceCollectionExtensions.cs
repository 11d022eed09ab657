using MailFromConsole.Aws.Http;
using MailFromConsole.Aws.Route53;
using MailFromConsole.Aws.Ses;
using MailFromConsole.Aws.Sts;
using MailFromConsole.Core.Route53;
using MailFromConsole.Core.Ses;
using MailFromConsole.Core.Sts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MailFromConsole.Aws;

public static class AwsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ISesClient"/>, <see cref="IRoute53Client"/> and <see cref="IStsClient"/> as typed HttpClients sharing one
    /// retry / rate-limit / signing pipeline, configured from the "Aws" section, and <see cref="IRoute53Accounts"/> for
    /// Route 53 in other accounts. Credentials are resolved on first use.
    /// </summary>
    public static IServiceCollection AddAwsClients(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // Registering the handler chain twice would run every request through two retry pipelines.
        if (services.Any(d => d.ServiceType == typeof(AwsRateLimiters)))
            return services;
        services.AddOptions<AwsClientOptions>().Bind(configuration.GetSection(AwsClientOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AwsCredentialsSource>();
        services.TryAddSingleton<AwsRateLimiters>();
        services.TryAddSingleton<ISharedAwsPacing, ProcessOnlyPacing>();
        services.TryAddTransient<RateLimitingHandler>();
        services.TryAddTransient<SigV4SigningHandler>();
        services.TryAddTransient<DispatchMarkingHandler>();
        services.AddHttpClient<ISesClient, SesClient>().AddAwsPipeline();
        services.AddHttpClient<IRoute53Client, Route53Client>().AddAwsPipeline();
        services.AddHttpClient<IStsClient, StsClient>().AddAwsPipeline();
        services.AddHttpClient(Route53AccountDirectory.HttpClientName).AddAwsPipeline();
        services.TryAddSingleton<IRoute53Accounts, Route53AccountDirectory>();
        return services;
    }
}
