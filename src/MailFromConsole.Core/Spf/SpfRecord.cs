using System.Text.RegularExpressions;

namespace MailFromConsole.Core.Spf;

/// <summary>A parsed SPF (v=spf1) TXT value: its terms with their positions, so edits keep the rest of the text intact.</summary>
public sealed partial class SpfRecord
{
    public const int MaxDnsLookups = 10;

    // RFC 7208 section 4.6.4: these terms cause DNS lookups and count towards the limit of 10.
    private static readonly HashSet<string> LookupTerms = new(StringComparer.OrdinalIgnoreCase) { "include", "a", "mx", "ptr", "exists", "redirect" };

    private SpfRecord(string text, IReadOnlyList<SpfTerm> terms)
    {
        Text = text;
        Terms = terms;
    }

    public string Text { get; }

    public IReadOnlyList<SpfTerm> Terms { get; }

    /// <summary>True for a TXT value that is an SPF record: starts with <c>v=spf1</c> followed by a space or the end.</summary>
    public static bool IsSpf(string? txtValue)
    {
        if (txtValue is null)
        {
            return false;
        }

        var value = txtValue.TrimStart();
        return value.StartsWith("v=spf1", StringComparison.OrdinalIgnoreCase) && (value.Length == 6 || value[6] == ' ');
    }

    public static SpfRecord Parse(string txtValue)
    {
        var terms = TermPattern().Matches(txtValue).Skip(1) // the first term is the version
            .Select(m => new SpfTerm(m.Value, m.Index))
            .ToList();
        return new SpfRecord(txtValue, terms);
    }

    /// <summary>Number of terms that cost a DNS lookup (include, a, mx, ptr, exists, redirect).</summary>
    public int DnsLookupCount => Terms.Count(t => LookupTerms.Contains(t.Name));

    /// <summary>The qualifier of an <c>include:amazonses.com</c> term ('+' when written without one), or null when absent.</summary>
    public char? AmazonSesIncludeQualifier =>
        Terms.FirstOrDefault(t => t.Name.Equals("include", StringComparison.OrdinalIgnoreCase)
                                  && t.Argument.TrimEnd('.').Equals("amazonses.com", StringComparison.OrdinalIgnoreCase))?.Qualifier;

    /// <summary>The text with <paramref name="term"/> inserted before the <c>all</c> or <c>redirect=</c> term, or at the end.</summary>
    public string WithTermBeforeAll(string term)
    {
        var anchor = Terms.FirstOrDefault(t => t.Name.Equals("all", StringComparison.OrdinalIgnoreCase)
                                               || t.Name.Equals("redirect", StringComparison.OrdinalIgnoreCase));
        if (anchor is not null)
        {
            return Text[..anchor.Index] + term + " " + Text[anchor.Index..];
        }

        var trimmed = Text.TrimEnd();
        return trimmed + " " + term + Text[trimmed.Length..];
    }

    [GeneratedRegex("[^ \\t]+", RegexOptions.CultureInvariant)]
    private static partial Regex TermPattern();
}
