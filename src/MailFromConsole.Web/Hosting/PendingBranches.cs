namespace MailFromConsole.Web.Hosting;

// Placeholders until branches `aws` and `core` are merged; removed then.
internal static class PendingBranches
{
    public static IServiceCollection AddAwsClients(this IServiceCollection services, IConfiguration configuration) => services;
}

internal static class PendingLocalAws
{
    public static Task StartAsync(WebApplicationBuilder builder) => Task.CompletedTask;
}
