using System.Xml.Linq;

namespace MailFromConsole.LocalAws.Wire;

/// <summary>An XML answer and its HTTP status (and Location for a created resource).</summary>
internal sealed record WireResponse(int StatusCode, XDocument Body, string? Location = null)
{
    public static WireResponse Ok(XDocument body) => new(200, body);
}
