using MailFromConsole.Aws;
using MailFromConsole.Core;
using MailFromConsole.Core.Route53;
using MailFromConsole.Core.Ses;
using MailFromConsole.LocalAws.Store;
using MailFromConsole.LocalAws.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace MailFromConsole.LocalAws.Tests;

/// <summary>The console's own wire client (MailFromConsole.Aws) walking the whole MAIL FROM path against the local AWS.</summary>
public sealed class WireClientTests
{
    [Fact]
    public async Task ConsoleClientSetsPublishesAndSeesSuccessThenSendsFromTheCustomDomain()
    {
        await using var aws = await LocalAwsFixture.StartAsync(o => o.EnableDnsAndDetection = true, new FakeTimeProvider(DateTimeOffset.UtcNow));
        await using var services = aws.WireClients();
        var ses = services.GetRequiredService<ISesClient>();
        var route53 = services.GetRequiredService<IRoute53Client>();

        await ses.SetIdentityMailFromDomainAsync("us-east-1", "example.com", "mail.example.com", BehaviorOnMxFailure.RejectMessage);
        var rejected = await Assert.ThrowsAsync<AwsServiceException>(() =>
            ses.SendEmailAsync("us-east-1", new SendEmailRequest("user@example.com", ["someone@example.net"], "Test", "Hello")));
        var zone = await route53.FindPublicHostedZoneAsync("mail.example.com");
        var change = await route53.ChangeResourceRecordSetsAsync(zone!.Id,
        [
            new RecordSetChange(ChangeAction.Create, new ResourceRecordSet("mail.example.com.", "MX", 300, ["10 feedback-smtp.us-east-1.amazonses.com"])),
            new RecordSetChange(ChangeAction.Create, new ResourceRecordSet("mail.example.com.", "TXT", 300, ["v=spf1 include:amazonses.com ~all"])),
        ], "MAIL FROM records");
        await aws.DetectionPassAsync();
        var attributes = await ses.GetIdentityMailFromDomainAttributesAsync("us-east-1", ["example.com"]);
        var messageId = await ses.SendEmailAsync("us-east-1", new SendEmailRequest("user@example.com", ["someone@example.net"], "Test", "Hello"));

        Assert.Equal("MailFromDomainNotVerifiedException", rejected.ErrorCode);
        Assert.Equal("example.com.", zone.Name);
        Assert.Equal(ChangeStatus.Pending, change.Status);
        Assert.Equal(CustomMailFromStatus.Success, attributes["example.com"].MailFromDomainStatus);
        Assert.Equal(messageId + "@mail.example.com", Assert.Single(aws.Server.Mailbox(), m => m.Kind == MailboxKind.Sent).ReturnPath);
    }

    [Fact]
    public async Task ConsoleClientSeesRoute53RefusalsWithTheirMessages()
    {
        await using var aws = await LocalAwsFixture.StartAsync();
        await using var services = aws.WireClients();
        var route53 = services.GetRequiredService<IRoute53Client>();
        var zone = await route53.FindPublicHostedZoneAsync("mail.spf-conflict.test");

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => route53.ChangeResourceRecordSetsAsync(zone!.Id,
            [new RecordSetChange(ChangeAction.Delete, new ResourceRecordSet("mail.spf-conflict.test.", "TXT", 300, [LocalAwsSeeds.ConflictingSpfValue]))], null));
        var outside = await route53.FindPublicHostedZoneAsync("mail." + LocalAwsSeeds.OutsideDnsDomain);

        Assert.Equal("InvalidChangeBatch", error.ErrorCode);
        Assert.Contains("do not match the current values", error.AwsMessage);
        Assert.Null(outside);
    }
}
