using MailFromConsole.Core.Ses;

namespace MailFromConsole.Web.Features.MailFrom;

/// <summary>The console's words for statuses and behaviours (the SES console's labels).</summary>
public static class MailFromText
{
    public static string StatusMeaning(CustomMailFromStatus? status, string region) => status switch
    {
        CustomMailFromStatus.Pending => "SES is looking for the MX record. It can take up to 72 hours; publishing the records makes it quick.",
        CustomMailFromStatus.Success => "SES found the MX record: mail uses the custom MAIL FROM domain.",
        CustomMailFromStatus.Failed => "SES did not find a correct MX record in time and stopped looking. Fix the records, then restart the setup.",
        CustomMailFromStatus.TemporaryFailure => "SES could not check the MX record because of a DNS problem (for example a timeout). It will try again.",
        _ => $"No custom MAIL FROM domain: mail uses a subdomain of amazonses.com for {region}.",
    };

    public static string Behavior(BehaviorOnMxFailure behavior, string region) => behavior switch
    {
        BehaviorOnMxFailure.RejectMessage => "Reject message",
        _ => $"Use {region}.amazonses.com as MAIL FROM",
    };

    public static string BehaviorExplanation(BehaviorOnMxFailure behavior, string region) => behavior switch
    {
        BehaviorOnMxFailure.RejectMessage =>
            "While the MX record is not found, SES refuses to send from this identity with a MailFromDomainNotVerified error. Choose this when bounces must never come from amazonses.com.",
        _ => $"While the MX record is not found, SES sends anyway, using a subdomain of amazonses.com for {region}. Mail keeps flowing; bounces are not yet under your domain.",
    };
}
