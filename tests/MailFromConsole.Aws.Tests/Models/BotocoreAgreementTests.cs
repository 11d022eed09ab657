using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using MailFromConsole.Aws.Tests.Infrastructure;
using MailFromConsole.Core.Route53;
using MailFromConsole.Core.Ses;

namespace MailFromConsole.Aws.Tests.Models;

/// <summary>
/// The client's requests must be exactly what botocore (the reference serializer behind the aws CLI and boto3)
/// produces for the same operation and values: same form fields, path, query and XML body.
/// </summary>
public sealed class BotocoreAgreementTests
{
    private const string Serializer = """
        import json, sys
        import botocore.session
        from botocore import serialize
        session = botocore.session.get_session()
        out = []
        for service, operation, params in json.load(sys.stdin):
            model = session.get_service_model(service)
            request = serialize.create_serializer(model.metadata['protocol'], include_validation=True) \
                .serialize_to_request(params, model.operation_model(operation))
            body = request['body']
            if isinstance(body, bytes):
                body = body.decode()
            if isinstance(body, dict):
                body = [[k, str(v)] for k, v in body.items()]
            query = request['query_string']
            out.append({'method': request['method'], 'path': request['url_path'],
                        'query': [[k, str(v)] for k, v in query.items()] if isinstance(query, dict) else [],
                        'body': body})
        print(json.dumps(out))
        """;

    private const string ChangeInfo = $"""
        <ChangeResourceRecordSetsResponse xmlns="{AwsExamples.Route53Namespace}"><ChangeInfo><Id>/change/C1</Id><Status>PENDING</Status><SubmittedAt>2017-03-10T01:36:41.958Z</SubmittedAt></ChangeInfo></ChangeResourceRecordSetsResponse>
        """;

    private static CannedResponse Answer(RecordedRequest request) => request.Method == "POST" && request.Path == "/"
        ? CannedResponse.Ok($"""<R xmlns="{AwsExamples.SesNamespace}"><MessageId>m-1</MessageId></R>""")
        : CannedResponse.Ok(ChangeInfo);

    private static readonly (string Service, string Operation, object Params, Func<AwsClientHarness, Task> Call)[] Cases =
    [
        ("ses", "SetIdentityMailFromDomain",
            new { Identity = "a&Action=DeleteIdentity", MailFromDomain = "bounce.example.com", BehaviorOnMXFailure = "RejectMessage" },
            aws => aws.Ses.SetIdentityMailFromDomainAsync("us-east-1", "a&Action=DeleteIdentity", "bounce.example.com", BehaviorOnMxFailure.RejectMessage)),
        ("ses", "SetIdentityMailFromDomain", new { Identity = "user@example.com" },
            aws => aws.Ses.SetIdentityMailFromDomainAsync("us-east-1", "user@example.com", null, null)),
        ("ses", "GetIdentityMailFromDomainAttributes", new { Identities = new[] { "example.com", "user@example.com", "x y+z@example.net" } },
            aws => aws.Ses.GetIdentityMailFromDomainAttributesAsync("us-east-1", ["example.com", "user@example.com", "x y+z@example.net"])),
        ("ses", "ListIdentities", new { IdentityType = "EmailAddress", NextToken = "tok/en=+", MaxItems = 10 },
            aws => aws.Ses.ListIdentitiesAsync("us-east-1", IdentityType.EmailAddress, "tok/en=+", 10)),
        ("ses", "SetIdentityFeedbackForwardingEnabled", new { Identity = "example.com", ForwardingEnabled = false },
            aws => aws.Ses.SetIdentityFeedbackForwardingEnabledAsync("us-east-1", "example.com", false)),
        ("ses", "SendEmail",
            new
            {
                Source = "sender@example.com",
                Destination = new { ToAddresses = new[] { "a@example.com", "b@example.com" } },
                Message = new { Subject = new { Data = "Test & ünïcode", Charset = "UTF-8" }, Body = new { Text = new { Data = "Body\r\nline 2", Charset = "UTF-8" } } },
            },
            aws => aws.Ses.SendEmailAsync("us-east-1", new SendEmailRequest("sender@example.com", ["a@example.com", "b@example.com"], "Test & ünïcode", "Body\r\nline 2"))),
        ("route53", "ChangeResourceRecordSets",
            new
            {
                HostedZoneId = "Z1D633PJN98FT9",
                ChangeBatch = new
                {
                    Comment = "MAIL FROM <records> & more",
                    Changes = new object[]
                    {
                        new { Action = "DELETE", ResourceRecordSet = new { Name = "mail.example.com.", Type = "TXT", TTL = 300, ResourceRecords = new[] { new { Value = "\"v=spf1 -all\"" } } } },
                        new { Action = "CREATE", ResourceRecordSet = new { Name = "mail.example.com.", Type = "TXT", TTL = 300, ResourceRecords = new[] { new { Value = "\"v=spf1 include:amazonses.com ~all\"" }, new { Value = "\"say \\\"hi\\\"\"" } } } },
                        new { Action = "UPSERT", ResourceRecordSet = new { Name = "mail.example.com.", Type = "MX", TTL = 300, ResourceRecords = new[] { new { Value = "10 feedback-smtp.us-east-1.amazonses.com" } } } },
                    },
                },
            },
            aws => aws.Route53.ChangeResourceRecordSetsAsync("/hostedzone/Z1D633PJN98FT9",
            [
                new(ChangeAction.Delete, new ResourceRecordSet("mail.example.com.", "TXT", 300, ["v=spf1 -all"])),
                new(ChangeAction.Create, new ResourceRecordSet("mail.example.com.", "TXT", 300, ["v=spf1 include:amazonses.com ~all", "say \"hi\""])),
                new(ChangeAction.Upsert, new ResourceRecordSet("mail.example.com.", "MX", 300, ["10 feedback-smtp.us-east-1.amazonses.com"])),
            ], "MAIL FROM <records> & more")),
        ("route53", "ListHostedZonesByName", new { DNSName = "a&maxitems=1 b.example.com.", HostedZoneId = "Z123", MaxItems = "7" },
            aws => aws.Route53.ListHostedZonesByNameAsync("a&maxitems=1 b.example.com.", "Z123", 7)),
        ("route53", "ListResourceRecordSets", new { HostedZoneId = "Z1", StartRecordName = "mail.example.com.", StartRecordType = "TXT" },
            aws => aws.Route53.ListResourceRecordSetsAsync("Z1", "mail.example.com.", "TXT")),
        ("route53", "GetChange", new { Id = "C2682N5HXP0BZ4" },
            aws => aws.Route53.GetChangeAsync("/change/C2682N5HXP0BZ4")),
    ];

    [Fact]
    public async Task EveryRequestMatchesWhatBotocoreSerializesForTheSameValues()
    {
        var expected = await RunBotocoreAsync(Cases.Select(c => new object[] { c.Service, c.Operation, c.Params }).ToArray());
        await using var aws = await AwsClientHarness.StartAsync(Answer);

        foreach (var testCase in Cases)
            await testCase.Call(aws);

        var sent = aws.Server.Requests;
        Assert.Equal(Cases.Length, sent.Count);
        for (var i = 0; i < Cases.Length; i++)
        {
            var reference = expected[i]!;
            var actual = sent[i];
            var label = $"{Cases[i].Service} {Cases[i].Operation}";
            Assert.True(reference["method"]!.GetValue<string>() == actual.Method, label);
            Assert.True(reference["path"]!.GetValue<string>() == actual.Path, $"{label}: path {actual.Path}");
            Assert.Equal(Pairs(reference["query"]!).Order(), actual.Query.Select(p => (p.Key, p.Value)).Order());
            if (reference["body"] is JsonArray form)
                Assert.Equal(Pairs(form).Order(), actual.Form.Select(p => (p.Key, p.Value)).Order());
            else if (reference["body"]!.GetValue<string>() is { Length: > 0 } xml)
                Assert.Equal(Canonical(xml), Canonical(actual.Body));
            else
                Assert.Equal("", actual.Body);
        }
    }

    private static IEnumerable<(string, string)> Pairs(JsonNode node) =>
        node.AsArray().Select(p => (p![0]!.GetValue<string>(), p[1]!.GetValue<string>()));

    private static string Canonical(string xml) => XDocument.Parse(xml).Root!.ToString(SaveOptions.DisableFormatting);

    private static async Task<JsonArray> RunBotocoreAsync(object[][] cases)
    {
        var start = new ProcessStartInfo("/usr/bin/python3", ["-c", Serializer])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(JsonSerializer.Serialize(cases));
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, await error);
        return JsonNode.Parse(await output)!.AsArray();
    }
}
