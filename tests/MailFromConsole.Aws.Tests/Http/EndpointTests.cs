using MailFromConsole.Aws.Ses;

namespace MailFromConsole.Aws.Tests.Http;

public sealed class EndpointTests
{
    [Fact]
    public void SesUsesTheRegionalEndpointWithoutAnOverride()
    {
        Assert.Equal(new Uri("https://email.eu-central-1.amazonaws.com/"), SesClient.EndpointFor("eu-central-1", new AwsClientOptions()));
    }

    [Fact]
    public void SesOverrideServesEveryRegion()
    {
        var options = new AwsClientOptions { SesServiceUrl = new Uri("http://127.0.0.1:4566/") };

        Assert.Equal(options.SesServiceUrl, SesClient.EndpointFor("us-west-2", options));
        Assert.Equal(options.SesServiceUrl, SesClient.EndpointFor("ap-southeast-2", options));
    }
}
