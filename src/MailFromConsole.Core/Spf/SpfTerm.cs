namespace MailFromConsole.Core.Spf;

/// <summary>One SPF term such as <c>~all</c>, <c>include:_spf.example.com</c> or <c>redirect=example.net</c>.</summary>
public sealed record SpfTerm(string Text, int Index)
{
    public char Qualifier => Text.Length > 0 && Text[0] is '+' or '-' or '~' or '?' ? Text[0] : '+';

    private string Body => Text.Length > 0 && Text[0] is '+' or '-' or '~' or '?' ? Text[1..] : Text;

    /// <summary>Mechanism or modifier name, lower case (<c>include</c>, <c>all</c>, <c>redirect</c>...).</summary>
    public string Name
    {
        get
        {
            var end = Body.IndexOfAny([':', '/', '=']);
            return (end < 0 ? Body : Body[..end]).ToLowerInvariant();
        }
    }

    /// <summary>The part after ':' or '=' (empty when none).</summary>
    public string Argument
    {
        get
        {
            var start = Body.IndexOfAny([':', '=']);
            return start < 0 ? "" : Body[(start + 1)..];
        }
    }
}
