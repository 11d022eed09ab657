using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MailFromConsole.Core.Ses;
using MailFromConsole.LocalAws.Ses;
using MailFromConsole.LocalAws.Store;
using MailFromConsole.LocalAws.Wire;
using static MailFromConsole.LocalAws.SesV2.SesV2Wire;

namespace MailFromConsole.LocalAws.SesV2;

/// <summary>
/// The SES API v2 (REST-JSON, 2019-09-27) identity operations over the same identities as the Query API. Where
/// AWS's message is known it is used (noted at each); the others are ours.
/// </summary>
internal sealed partial class SesV2Api(SesIdentities service)
{
    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 1000;
    private const int MaxTags = 50;

    private IdentityRepository Identities => service.Store;

    public JsonObject Handle(SesV2Route route, SesScope scope, Func<string, IReadOnlyList<string>> query, byte[] body)
    {
        try
        {
            return route.Operation switch
            {
                Operations.CreateEmailIdentity => CreateEmailIdentity(scope, SesV2Body.Parse(body)),
                Operations.ListEmailIdentities => ListEmailIdentities(scope, query),
                Operations.GetEmailIdentity => GetEmailIdentity(scope, route.Identity!),
                Operations.DeleteEmailIdentity => DeleteEmailIdentity(scope, route.Identity!),
                Operations.PutEmailIdentityMailFromAttributes => PutMailFrom(scope, route.Identity!, SesV2Body.Parse(body)),
                Operations.PutEmailIdentityDkimAttributes => PutDkim(scope, route.Identity!, SesV2Body.Parse(body)),
                Operations.TagResource => TagResource(scope, SesV2Body.Parse(body)),
                Operations.UntagResource => UntagResource(scope, query),
                Operations.ListTagsForResource => ListTagsForResource(scope, query),
                _ => throw new AwsError(404, "UnknownOperationException", $"Unknown operation {route.Operation}."),
            };
        }
        catch (AwsError error)
        {
            throw Translate(error);
        }
    }

    /// <summary>The shared identity code speaks v1's error codes; v2 names the same refusals by its own exceptions.</summary>
    public static AwsError Translate(AwsError error) => error.Code switch
    {
        "InvalidParameterValue" or "ValidationError" or "MissingParameter" or "MalformedInput" =>
            new AwsError(400, Errors.BadRequest, error.Message),
        "Throttling" => new AwsError(429, Errors.TooManyRequests, "Too Many Requests"),
        _ => error,
    };

    private JsonObject CreateEmailIdentity(SesScope scope, SesV2Body body)
    {
        var raw = body.RequiredText(Members.EmailIdentity);
        if (body.Object(Members.DkimSigningAttributes)?[Members.DomainSigningPrivateKey] is not null)
        {
            throw SesV2Body.BadRequest("Bring Your Own DKIM (DomainSigningPrivateKey) is not supported by the local SES; use Easy DKIM.");
        }

        if (body.Text(Members.ConfigurationSetName) is { Length: > 0 } configurationSet)
        {
            throw new AwsError(404, Errors.NotFound, $"Configuration set <{configurationSet}> does not exist.");
        }

        var tags = Tags(body.Array(Members.Tags) ?? []);
        var type = raw.Contains('@') ? IdentityType.EmailAddress : IdentityType.Domain;
        var identity = type == IdentityType.EmailAddress
            ? SesNames.NormalizeAddress(raw) ?? throw SesV2Body.BadRequest($"Invalid email address<{raw}>.")
            : SesNames.NormalizeDomain(raw) ?? throw SesV2Body.BadRequest($"Invalid domain name {raw}.");
        var record = service.Create(scope, identity, type, MergeTags([], tags));
        return new JsonObject
        {
            [Members.IdentityType] = IdentityTypeValue(record.Type),
            [Members.VerifiedForSendingStatus] = record.VerificationStatus == VerificationStatus.Success,
            [Members.DkimAttributes] = DkimAttributes(record),
        };
    }

    private JsonObject ListEmailIdentities(SesScope scope, Func<string, IReadOnlyList<string>> query)
    {
        var size = DefaultPageSize;
        if (query(Members.PageSize) is [var rawSize, ..] &&
            (!int.TryParse(rawSize, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxPageSize))
        {
            throw SesV2Body.BadRequest($"PageSize must be between 1 and {MaxPageSize}.");
        }

        var after = query(Members.NextToken) is [{ Length: > 0 } token, ..] ? PageToken.Decode(token) : null;
        var page = Identities.Page(scope, null, after, size + 1);
        var shown = page.Take(size).ToList();
        var result = new JsonObject
        {
            [Members.EmailIdentities] = new JsonArray([.. shown.Select(r => (JsonNode)new JsonObject
            {
                [Members.IdentityType] = IdentityTypeValue(r.Type),
                [Members.IdentityName] = r.Identity,
                [Members.SendingEnabled] = r.VerificationStatus == VerificationStatus.Success,
                [Members.VerificationStatus] = StatusValue(r.VerificationStatus),
            })]),
        };
        if (page.Count > size)
        {
            result[Members.NextToken] = PageToken.Encode(shown[^1].Identity);
        }

        return result;
    }

    private JsonObject GetEmailIdentity(SesScope scope, string raw)
    {
        var record = Existing(scope, raw);
        var mailFrom = new JsonObject { [Members.BehaviorOnMxFailure] = BehaviorValue(record.Behavior) };
        // As AWS answers: without a custom MAIL FROM only the behaviour is there.
        if (record.MailFromDomain is not null)
        {
            mailFrom[Members.MailFromDomain] = record.MailFromDomain;
            mailFrom[Members.MailFromDomainStatus] = MailFromStatusValue(record.MailFromStatus ?? CustomMailFromStatus.Pending);
        }

        return new JsonObject
        {
            [Members.IdentityType] = IdentityTypeValue(record.Type),
            [Members.FeedbackForwardingStatus] = record.ForwardingEnabled,
            [Members.VerifiedForSendingStatus] = record.VerificationStatus == VerificationStatus.Success,
            [Members.DkimAttributes] = DkimAttributes(record),
            [Members.MailFromAttributes] = mailFrom,
            [Members.Policies] = new JsonObject(),
            [Members.Tags] = TagsJson(record.Tags),
            [Members.VerificationStatus] = StatusValue(record.VerificationStatus),
        };
    }

    private JsonObject DeleteEmailIdentity(SesScope scope, string raw)
    {
        if (!service.Delete(scope, SesNames.NormalizeIdentity(raw)))
        {
            throw NotFound(raw);
        }

        return [];
    }

    private JsonObject PutMailFrom(SesScope scope, string raw, SesV2Body body)
    {
        var mailFrom = body.Text(Members.MailFromDomain);
        BehaviorOnMxFailure? behavior = body.Text(Members.BehaviorOnMxFailure) switch
        {
            null => null,
            Values.UseDefaultValue => BehaviorOnMxFailure.UseDefaultValue,
            Values.RejectMessage => BehaviorOnMxFailure.RejectMessage,
            var other => throw AwsError.EnumValidation(other, "behaviorOnMxFailure", $"{Values.UseDefaultValue}, {Values.RejectMessage}"),
        };
        Existing(scope, raw);
        service.SetMailFrom(scope, raw, mailFrom, behavior, requireVerified: false);
        return [];
    }

    private JsonObject PutDkim(SesScope scope, string raw, SesV2Body body)
    {
        var enabled = body.Flag(Members.SigningEnabled) ?? false;
        Existing(scope, raw);
        service.SetDkimEnabled(scope, raw, enabled);
        return [];
    }

    private JsonObject TagResource(SesScope scope, SesV2Body body)
    {
        var identity = IdentityArn.IdentityOf(body.RequiredText(Members.ResourceArn), scope);
        var tags = Tags(body.Array(Members.Tags) ?? throw SesV2Body.BadRequest($"{Members.Tags} is required."));
        ChangeTags(scope, identity, current => MergeTags(current, tags));
        return [];
    }

    private JsonObject UntagResource(SesScope scope, Func<string, IReadOnlyList<string>> query)
    {
        var identity = IdentityArn.IdentityOf(RequiredQuery(query, Members.ResourceArn), scope);
        var keys = query(Members.TagKeys).ToHashSet(StringComparer.Ordinal);
        if (keys.Count == 0)
        {
            throw SesV2Body.BadRequest($"{Members.TagKeys} is required.");
        }

        ChangeTags(scope, identity, current => [.. current.Where(t => !keys.Contains(t.Key))]);
        return [];
    }

    private JsonObject ListTagsForResource(SesScope scope, Func<string, IReadOnlyList<string>> query)
    {
        var identity = IdentityArn.IdentityOf(RequiredQuery(query, Members.ResourceArn), scope);
        return new JsonObject { [Members.Tags] = TagsJson(Existing(scope, identity).Tags) };
    }

    private void ChangeTags(SesScope scope, string raw, Func<IReadOnlyList<IdentityTag>, IReadOnlyList<IdentityTag>> change)
    {
        if (!service.ChangeTags(scope, SesNames.NormalizeIdentity(raw), change))
        {
            throw NotFound(raw);
        }
    }

    private IdentityRecord Existing(SesScope scope, string raw) =>
        Identities.Find(scope, SesNames.NormalizeIdentity(raw)) ?? throw NotFound(raw);

    private JsonObject DkimAttributes(IdentityRecord record)
    {
        var domain = record.Type == IdentityType.EmailAddress ? Identities.Find(record.Scope, record.Domain) : null;
        var dkim = service.Dkim(record, domain);
        var result = new JsonObject
        {
            [Members.SigningEnabled] = dkim.Enabled,
            [Members.Status] = StatusValue(dkim.Status),
        };
        if (dkim.Tokens.Count > 0)
        {
            result[Members.Tokens] = new JsonArray([.. dkim.Tokens.Select(t => (JsonNode)t)]);
            result[Members.CurrentSigningKeyLength] = Values.Rsa1024Bit;
        }

        result[Members.SigningAttributesOrigin] = Values.AwsSes;
        result[Members.NextSigningKeyLength] = Values.Rsa1024Bit;
        return result;
    }

    // Tag rules from the SES API v2 reference (Tag): key 1–128 and value 0–256 characters of letters, digits,
    // spaces and _ . : / = + - @; at most 50 tags per resource.
    private static List<IdentityTag> Tags(JsonArray array)
    {
        var tags = new List<IdentityTag>();
        foreach (var item in array)
        {
            var tag = item as JsonObject ?? throw SesV2Body.BadRequest("Each tag must be an object with a Key and a Value.");
            var key = SesV2Body.StringOf(tag[Members.Key], Members.Key) ?? "";
            var value = SesV2Body.StringOf(tag[Members.Value], Members.Value) ?? "";

            if (key.Length is < 1 or > 128 || value.Length > 256 || !TagText().IsMatch(key) || !TagText().IsMatch(value))
            {
                throw SesV2Body.BadRequest("Tag keys must be 1 to 128 and values at most 256 letters, digits, spaces or _.:/=+-@.");
            }

            tags.Add(new IdentityTag(key, value));
        }

        return tags;
    }

    /// <summary>New values replace those of the same key; new keys come last, in the order given.</summary>
    private static List<IdentityTag> MergeTags(IReadOnlyList<IdentityTag> current, IReadOnlyList<IdentityTag> changes)
    {
        var merged = current.ToList();
        foreach (var tag in changes)
        {
            var index = merged.FindIndex(t => t.Key == tag.Key);
            if (index >= 0)
            {
                merged[index] = tag;
            }
            else
            {
                merged.Add(tag);
            }
        }

        return merged.Count <= MaxTags ? merged : throw SesV2Body.BadRequest($"A resource can have at most {MaxTags} tags.");
    }

    private static JsonArray TagsJson(IReadOnlyList<IdentityTag> tags) =>
        new([.. tags.Select(t => (JsonNode)new JsonObject { [Members.Key] = t.Key, [Members.Value] = t.Value })]);

    private static string RequiredQuery(Func<string, IReadOnlyList<string>> query, string name) =>
        query(name) is [{ Length: > 0 } value, ..] ? value : throw SesV2Body.BadRequest($"{name} is required.");

    // Ours: AWS's wording for an unknown identity is not known here.
    private static AwsError NotFound(string raw) => new(404, Errors.NotFound, $"Email identity {raw} does not exist.");

    private static string IdentityTypeValue(IdentityType type) => type == IdentityType.Domain ? Values.Domain : Values.EmailAddress;

    private static string BehaviorValue(BehaviorOnMxFailure behavior) =>
        behavior == BehaviorOnMxFailure.RejectMessage ? Values.RejectMessage : Values.UseDefaultValue;

    private static string StatusValue(VerificationStatus status) => status switch
    {
        VerificationStatus.Pending => Values.Pending,
        VerificationStatus.Success => Values.Success,
        VerificationStatus.Failed => Values.Failed,
        VerificationStatus.TemporaryFailure => Values.TemporaryFailure,
        _ => Values.NotStarted,
    };

    private static string MailFromStatusValue(CustomMailFromStatus status) => status switch
    {
        CustomMailFromStatus.Success => Values.Success,
        CustomMailFromStatus.Failed => Values.Failed,
        CustomMailFromStatus.TemporaryFailure => Values.TemporaryFailure,
        _ => Values.Pending,
    };

    [GeneratedRegex(@"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$", RegexOptions.CultureInvariant)]
    private static partial Regex TagText();
}
