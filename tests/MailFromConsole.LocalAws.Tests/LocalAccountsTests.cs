using MailFromConsole.LocalAws.Tests.Support;

namespace MailFromConsole.LocalAws.Tests;

/// <summary>A mistake in LocalAws:Accounts or LocalAws:Roles stops the start with a message naming the entry.</summary>
public sealed class LocalAccountsTests
{
    public static TheoryData<string, Action<LocalAwsOptions>> Mistakes => new()
    {
        { "LocalAws:Accounts:0: AccountId '1234' must be twelve digits.",
            o => o.Accounts.Add(new LocalAccountOptions { AccountId = "1234", AccessKeyId = "k", SecretAccessKey = "s" }) },
        { "LocalAws:Accounts:0: access key 'test' already belongs to another account.",
            o => o.Accounts.Add(new LocalAccountOptions { AccountId = "111111111111", AccessKeyId = "test", SecretAccessKey = "s" }) },
        { "LocalAws:Accounts:0: account 000000000000 is configured twice.",
            o => o.Accounts.Add(new LocalAccountOptions { AccountId = "000000000000", AccessKeyId = "k", SecretAccessKey = "s" }) },
        { "LocalAws:Roles:0: RoleArn 'arn:aws:iam::000000000000:user/bob' is not of the form arn:aws:iam::<account>:role/<name>.",
            o => o.Roles.Add(new LocalRoleOptions { RoleArn = "arn:aws:iam::000000000000:user/bob" }) },
        { "LocalAws:Roles:0: account 222222222222 of role arn:aws:iam::222222222222:role/dns is not a local account.",
            o => o.Roles.Add(new LocalRoleOptions { RoleArn = "arn:aws:iam::222222222222:role/dns" }) },
        { "LocalAws:Roles:0: MaxSessionDuration of role arn:aws:iam::000000000000:role/dns must be between 1 and 12 hours.",
            o => o.Roles.Add(new LocalRoleOptions { RoleArn = "arn:aws:iam::000000000000:role/dns", MaxSessionDuration = TimeSpan.FromHours(13) }) },
    };

    [Theory]
    [MemberData(nameof(Mistakes))]
    public async Task ConfigurationMistakeStopsTheStartNamingTheEntry(string message, Action<LocalAwsOptions> mistake)
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => LocalAwsFixture.StartAsync(mistake));

        Assert.Equal(message, error.Message);
    }
}
