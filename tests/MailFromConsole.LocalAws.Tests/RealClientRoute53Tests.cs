using System.Text.Json;
using MailFromConsole.LocalAws.Tests.Support;

namespace MailFromConsole.LocalAws.Tests;

/// <summary>The real aws CLI through a zone's whole life: what infrastructure tools call, as the CLI parses it
/// (the finer cases are in Route53ZoneLifecycleTests; each CLI start costs seconds).</summary>
public sealed class RealClientRoute53Tests
{
    [Fact]
    public async Task AwsCliCreatesTagsCommentsPagesAndDeletesAZone()
    {
        await using var aws = await LocalAwsFixture.StartAsync();

        var created = await CliAsync(aws, "route53", "create-hosted-zone", "--name", "cli.test", "--caller-reference", "cli-1",
            "--hosted-zone-config", "Comment=first");
        var again = await RealClient.AwsAsync(aws.Endpoint, "route53", "create-hosted-zone", "--name", "cli.test", "--caller-reference", "cli-1");
        var id = created.GetProperty("HostedZone").GetProperty("Id").GetString()!.Replace("/hostedzone/", "", StringComparison.Ordinal);
        await CliAsync(aws, "route53", "change-tags-for-resource", "--resource-type", "hostedzone", "--resource-id", id,
            "--add-tags", "Key=env,Value=test");
        var tags = await CliAsync(aws, "route53", "list-tags-for-resource", "--resource-type", "hostedzone", "--resource-id", id);
        var manyTags = await CliAsync(aws, "route53", "list-tags-for-resources", "--resource-type", "hostedzone", "--resource-ids", id);
        var comment = await CliAsync(aws, "route53", "update-hosted-zone-comment", "--id", id, "--comment", "second");
        var dnssec = await CliAsync(aws, "route53", "get-dnssec", "--hosted-zone-id", id);
        var count = await CliAsync(aws, "route53", "get-hosted-zone-count");
        var page = await CliAsync(aws, "route53", "list-hosted-zones", "--no-paginate", "--max-items", "2");
        await CliAsync(aws, "route53", "change-resource-record-sets", "--hosted-zone-id", id, "--change-batch",
            """{"Changes":[{"Action":"CREATE","ResourceRecordSet":{"Name":"mail.cli.test","Type":"MX","TTL":300,"ResourceRecords":[{"Value":"10 feedback-smtp.us-east-1.amazonses.com"}]}}]}""");
        var one = await CliAsync(aws, "route53", "list-resource-record-sets", "--hosted-zone-id", id, "--no-paginate",
            "--start-record-name", "cli.test", "--start-record-type", "SOA", "--max-items", "1");
        var notEmpty = await RealClient.AwsAsync(aws.Endpoint, "route53", "delete-hosted-zone", "--id", id);
        await CliAsync(aws, "route53", "change-resource-record-sets", "--hosted-zone-id", id, "--change-batch",
            """{"Changes":[{"Action":"DELETE","ResourceRecordSet":{"Name":"mail.cli.test","Type":"MX","TTL":300,"ResourceRecords":[{"Value":"10 feedback-smtp.us-east-1.amazonses.com"}]}}]}""");
        var deleted = await CliAsync(aws, "route53", "delete-hosted-zone", "--id", id);

        Assert.EndsWith("/2013-04-01/hostedzone/" + id, created.GetProperty("Location").GetString());
        Assert.Equal(4, created.GetProperty("DelegationSet").GetProperty("NameServers").GetArrayLength());
        Assert.Equal("first", created.GetProperty("HostedZone").GetProperty("Config").GetProperty("Comment").GetString());
        Assert.Contains("(HostedZoneAlreadyExists)", again.Stderr);
        Assert.Equal(["env=test"], Tags(tags.GetProperty("ResourceTagSet")));
        Assert.Equal(["env=test"], Tags(manyTags.GetProperty("ResourceTagSets")[0]));
        Assert.Equal("second", comment.GetProperty("HostedZone").GetProperty("Config").GetProperty("Comment").GetString());
        Assert.Equal("NOT_SIGNING", dnssec.GetProperty("Status").GetProperty("ServeSignature").GetString());
        Assert.Equal(6, count.GetProperty("HostedZoneCount").GetInt64());
        Assert.Equal(2, page.GetProperty("HostedZones").GetArrayLength());
        Assert.True(page.GetProperty("IsTruncated").GetBoolean());
        Assert.Equal("SOA", one.GetProperty("ResourceRecordSets")[0].GetProperty("Type").GetString());
        Assert.Equal("mail.cli.test.", one.GetProperty("NextRecordName").GetString());
        Assert.Equal("MX", one.GetProperty("NextRecordType").GetString());
        Assert.Contains("(HostedZoneNotEmpty)", notEmpty.Stderr);
        Assert.StartsWith("/change/", deleted.GetProperty("ChangeInfo").GetProperty("Id").GetString());
    }

    private static async Task<JsonElement> CliAsync(LocalAwsFixture aws, params string[] arguments)
    {
        var result = await RealClient.AwsAsync(aws.Endpoint, arguments);
        Assert.True(result.ExitCode == 0, $"aws {string.Join(' ', arguments)}: {result.Stderr}");
        return string.IsNullOrWhiteSpace(result.Stdout) ? default : JsonDocument.Parse(result.Stdout).RootElement;
    }

    private static string[] Tags(JsonElement tagSet) =>
        [.. tagSet.GetProperty("Tags").EnumerateArray().Select(t => t.GetProperty("Key").GetString() + "=" + t.GetProperty("Value").GetString())];
}
