using MailFromConsole.Aws.Tests.Infrastructure;
using MailFromConsole.Core;

namespace MailFromConsole.Aws.Tests.Http;

/// <summary>Some cases set AWS_* environment variables; they live in this one class so they never run in parallel.</summary>
public sealed class CredentialsTests
{
    private static async Task<T> WithEnvironmentAsync<T>(IReadOnlyDictionary<string, string?> variables, Func<Task<T>> action)
    {
        var saved = variables.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
        try
        {
            foreach (var (name, value) in variables)
                Environment.SetEnvironmentVariable(name, value);
            return await action();
        }
        finally
        {
            foreach (var (name, value) in saved)
                Environment.SetEnvironmentVariable(name, value);
        }
    }

    [Fact]
    public async Task NamedProfileFromTheSharedCredentialsFileSignsTheRequests()
    {
        var folder = Directory.CreateTempSubdirectory("mfc-aws-creds-");
        try
        {
            var credentialsFile = Path.Combine(folder.FullName, "credentials");
            await File.WriteAllTextAsync(credentialsFile, "[console]\naws_access_key_id = AKIAPROFILEEXAMPLE\naws_secret_access_key = profile-secret\n");
            var request = await WithEnvironmentAsync(
                new Dictionary<string, string?> { ["AWS_SHARED_CREDENTIALS_FILE"] = credentialsFile, ["AWS_CONFIG_FILE"] = Path.Combine(folder.FullName, "config") },
                async () =>
                {
                    await using var aws = await AwsClientHarness.StartAsync(_ => CannedResponse.Ok(AwsExamples.SesEmpty("ListIdentities")),
                        new Dictionary<string, string?> { ["Aws:Profile"] = "console" }, withCredentials: false);
                    await aws.Ses.ListIdentitiesAsync("us-east-1", null, null, null);
                    return Assert.Single(aws.Server.Requests);
                });

            Assert.Equal("AKIAPROFILEEXAMPLE", SigV4Verifier.ParseAuthorization(request.Header("Authorization")!).AccessKeyId);
            Assert.True(SigV4Verifier.Verify(request, "profile-secret"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task WithoutKeysOrProfileTheStandardChainIsUsed()
    {
        var request = await WithEnvironmentAsync(
            new Dictionary<string, string?> { ["AWS_ACCESS_KEY_ID"] = "AKIAENVEXAMPLE", ["AWS_SECRET_ACCESS_KEY"] = "env-secret", ["AWS_SESSION_TOKEN"] = null, ["AWS_PROFILE"] = null },
            async () =>
            {
                await using var aws = await AwsClientHarness.StartAsync(_ => CannedResponse.Ok(AwsExamples.SesEmpty("ListIdentities")), withCredentials: false);
                await aws.Ses.ListIdentitiesAsync("us-east-1", null, null, null);
                return Assert.Single(aws.Server.Requests);
            });

        Assert.Equal("AKIAENVEXAMPLE", SigV4Verifier.ParseAuthorization(request.Header("Authorization")!).AccessKeyId);
        Assert.True(SigV4Verifier.Verify(request, "env-secret"));
    }

    [Fact]
    public async Task ClientsResolveWithoutCredentialsAndReportMissingOnesOnFirstCall()
    {
        await using var aws = await AwsClientHarness.StartAsync(
            _ => CannedResponse.Ok(AwsExamples.SesEmpty("ListIdentities")),
            new Dictionary<string, string?> { ["Aws:Profile"] = "no-such-profile-" + Guid.NewGuid().ToString("N") },
            withCredentials: false);

        var ses = aws.Ses;
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => ses.ListIdentitiesAsync("us-east-1", null, null, null));

        Assert.Equal("CredentialsNotAvailable", error.ErrorCode);
        Assert.Contains("no-such-profile-", error.AwsMessage, StringComparison.Ordinal);
        Assert.Empty(aws.Server.Requests);
    }

    [Fact]
    public async Task ExplicitSessionTokenIsSentAndSigned()
    {
        await using var aws = await AwsClientHarness.StartAsync(
            _ => CannedResponse.Ok(AwsExamples.SesEmpty("ListIdentities")),
            new Dictionary<string, string?> { ["Aws:SessionToken"] = "session-token-value" });

        await aws.Ses.ListIdentitiesAsync("us-east-1", null, null, null);

        var request = Assert.Single(aws.Server.Requests);
        Assert.Equal("session-token-value", request.Header("X-Amz-Security-Token"));
        Assert.Contains("x-amz-security-token", SigV4Verifier.ParseAuthorization(request.Header("Authorization")!).SignedHeaders);
        Assert.True(SigV4Verifier.Verify(request, AwsClientHarness.SecretAccessKey));
    }
}
