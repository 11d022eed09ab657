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
                new Dictionary<string, string?> { ["AWS_SHARED_CREDENTIALS_FILE"] = credentialsFile },
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
        var error = await Assert.ThrowsAsync<AwsCredentialsException>(() => ses.ListIdentitiesAsync("us-east-1", null, null, null));

        Assert.Equal(AwsCredentialsException.NotAvailable, error.ErrorCode);
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

    /// <summary>Runs <paramref name="action"/> with <paramref name="config"/> as the shared config (no credentials file, no AWS_* keys).</summary>
    private static async Task<T> WithConfigFileAsync<T>(string config, Func<Task<T>> action)
    {
        var folder = Directory.CreateTempSubdirectory("mfc-aws-creds-");
        try
        {
            await File.WriteAllTextAsync(SharedConfigFile.FilePath, config);
            return await WithEnvironmentAsync(new Dictionary<string, string?>
            {
                ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(folder.FullName, "credentials"),
                ["AWS_ACCESS_KEY_ID"] = null,
                ["AWS_SECRET_ACCESS_KEY"] = null,
                ["AWS_SESSION_TOKEN"] = null,
                ["AWS_PROFILE"] = null,
            }, action);
        }
        finally
        {
            await File.WriteAllTextAsync(SharedConfigFile.FilePath, "");
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task AnAssumeRoleProfileIsAssumedAtTheConfiguredStsEndpointAndItsSessionSignsTheRequests()
    {
        const string config = """
            [profile base]
            aws_access_key_id = AKIABASEEXAMPLE
            aws_secret_access_key = base-secret

            [profile dns]
            role_arn = arn:aws:iam::111111111111:role/ConsoleRoute53
            source_profile = base
            external_id = ext-7
            """;
        var requests = await WithConfigFileAsync(config, async () =>
        {
            await using var aws = await AwsClientHarness.StartAsync(
                r => CannedResponse.Ok(r.FormValue("Action") == "AssumeRole"
                    ? AwsExamples.StsAssumeRole("ASIAPROFILEROLE", "profile-role-token", DateTimeOffset.UtcNow.AddHours(1), "arn:aws:sts::111111111111:assumed-role/ConsoleRoute53/s")
                    : AwsExamples.SesEmpty("ListIdentities")),
                new Dictionary<string, string?> { ["Aws:Profile"] = "dns" }, withCredentials: false);
            await aws.Ses.ListIdentitiesAsync("us-east-1", null, null, null);
            return aws.Server.Requests;
        });

        Assert.Equal(2, requests.Count);
        var assume = requests[0];
        Assert.Equal("AssumeRole", assume.FormValue("Action"));
        Assert.Equal("arn:aws:iam::111111111111:role/ConsoleRoute53", assume.FormValue("RoleArn"));
        Assert.Equal("ext-7", assume.FormValue("ExternalId"));
        Assert.Equal("AKIABASEEXAMPLE", SigV4Verifier.ParseAuthorization(assume.Header("Authorization")!).AccessKeyId);
        Assert.True(SigV4Verifier.Verify(assume, "base-secret"));
        var ses = requests[1];
        Assert.Equal("ASIAPROFILEROLE", SigV4Verifier.ParseAuthorization(ses.Header("Authorization")!).AccessKeyId);
        Assert.Equal("profile-role-token", ses.Header("X-Amz-Security-Token"));
        Assert.True(SigV4Verifier.Verify(ses, AwsExamples.StsAssumedSecret));
    }

    [Fact]
    public async Task AnSsoProfileWithoutASignInSaysToRunAwsSsoLoginForThatProfile()
    {
        var session = "mfc-test-" + Guid.NewGuid().ToString("N");
        var config = $"""
            [profile corp-sso]
            sso_session = {session}
            sso_account_id = 111111111111
            sso_role_name = MailFromAdmin
            region = us-east-1

            [sso-session {session}]
            sso_start_url = https://{session}.awsapps.com/start
            sso_region = us-east-1
            sso_registration_scopes = sso:account:access
            """;
        var (error, sent) = await WithConfigFileAsync(config, async () =>
        {
            await using var aws = await AwsClientHarness.StartAsync(_ => CannedResponse.Ok(AwsExamples.SesEmpty("ListIdentities")),
                new Dictionary<string, string?> { ["Aws:Profile"] = "corp-sso" }, withCredentials: false);
            var thrown = await Assert.ThrowsAsync<AwsCredentialsException>(() => aws.Ses.ListIdentitiesAsync("us-east-1", null, null, null));
            return (thrown, aws.Server.Requests.Count);
        });

        Assert.Equal(AwsCredentialsException.SsoLoginRequired, error.ErrorCode);
        Assert.Equal("corp-sso", error.Profile);
        Assert.Equal(0, sent);
    }

    [Fact]
    public async Task AFailingCredentialProcessIsCredentialsNotAvailableForItsProfile()
    {
        const string config = """
            [profile scripted]
            credential_process = /bin/false
            """;
        var error = await WithConfigFileAsync(config, async () =>
        {
            await using var aws = await AwsClientHarness.StartAsync(_ => CannedResponse.Ok(AwsExamples.SesEmpty("ListIdentities")),
                new Dictionary<string, string?> { ["Aws:Profile"] = "scripted" }, withCredentials: false);
            return await Assert.ThrowsAsync<AwsCredentialsException>(() => aws.Ses.ListIdentitiesAsync("us-east-1", null, null, null));
        });

        Assert.Equal(AwsCredentialsException.NotAvailable, error.ErrorCode);
        Assert.Equal("scripted", error.Profile);
    }

    [Fact]
    public async Task ARefusedProfileRoleKeepsStsAnswerInTheMessage()
    {
        const string config = """
            [profile base]
            aws_access_key_id = AKIABASEEXAMPLE
            aws_secret_access_key = base-secret

            [profile dns]
            role_arn = arn:aws:iam::111111111111:role/Missing
            source_profile = base
            """;
        var error = await WithConfigFileAsync(config, async () =>
        {
            await using var aws = await AwsClientHarness.StartAsync(
                _ => new CannedResponse(403, AwsExamples.StsError("AccessDenied", "User: arn:aws:iam::000000000000:user/base is not authorized to perform: sts:AssumeRole")),
                new Dictionary<string, string?> { ["Aws:Profile"] = "dns" }, withCredentials: false);
            return await Assert.ThrowsAsync<AwsCredentialsException>(() => aws.Ses.ListIdentitiesAsync("us-east-1", null, null, null));
        });

        Assert.Equal("dns", error.Profile);
        Assert.Contains("arn:aws:iam::111111111111:role/Missing", error.AwsMessage, StringComparison.Ordinal);
        Assert.Contains("AccessDenied", error.AwsMessage, StringComparison.Ordinal);
    }
}
