using System.Text;
using MailFromConsole.LocalAws.Wire;

namespace MailFromConsole.LocalAws.Ses;

/// <summary>The NextToken of identity listings (v1 ListIdentities, v2 ListEmailIdentities): the last identity shown.</summary>
internal static class PageToken
{
    public static string Encode(string lastIdentity) => Convert.ToBase64String(Encoding.UTF8.GetBytes(lastIdentity));

    public static string Decode(string token)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(token));
        }
        catch (FormatException)
        {
            throw AwsError.InvalidParameterValue("Invalid NextToken.");
        }
    }
}
