using System.Globalization;

namespace MailFromConsole.Core.MailFrom;

/// <summary>
/// Syntax and normalisation of DNS host names (RFC 1035 / 1123 LDH rules, IDN via punycode).
/// Returns messages instead of throwing, whatever the input.
/// </summary>
public static class DnsNameRules
{
    public const int MaxNameLength = 253;
    public const int MaxLabelLength = 63;

    // Anything longer is refused before any work is done on it, so huge input stays cheap.
    private const int MaxInputLength = 1024;
    private const int MaxMessages = 3;

    // IdnMapping is not documented as thread-safe, so each call gets its own (it is cheap).
    private static IdnMapping Idn => new() { AllowUnassigned = false, UseStd3AsciiRules = false };

    /// <summary>
    /// Normalises <paramref name="input"/> (surrounding spaces, one trailing dot, case, IDN → punycode) and checks it is a
    /// valid host name. <paramref name="what"/> names the field in messages (e.g. "The MAIL FROM domain").
    /// </summary>
    public static bool TryNormalize(string? input, string what, out string normalized, out IReadOnlyList<string> errors)
    {
        var problems = new List<string>();
        normalized = "";
        errors = problems;

        if (input is null || input.Trim(' ').Length == 0)
        {
            problems.Add($"{what} is empty. Enter a domain name such as mail.example.com.");
            return false;
        }

        if (input.Length > MaxInputLength)
        {
            problems.Add($"{what} is {input.Length:N0} characters long; a domain name can have at most {MaxNameLength}.");
            return false;
        }

        // Pasted values often carry spaces around them; anything else (tabs, line breaks, NUL) is refused below.
        var name = input.Trim(' ');

        if (HasControlCharacter(name))
        {
            problems.Add($"{what} {Display(name)} contains a control or invisible character (such as a line break, tab, NUL or non-breaking space); remove it.");
            return false;
        }

        if (name.Contains(' '))
        {
            problems.Add($"{what} {Display(name)} contains a space; a domain name cannot contain spaces.");
            return false;
        }

        if (name.Contains('@'))
        {
            problems.Add($"{what} {Display(name)} contains '@'. Enter only the domain, e.g. mail.example.com, not an email address.");
            return false;
        }

        if (name.Length > 1 && name.Contains(".."))
        {
            problems.Add($"{what} {Display(name)} has an empty part between two dots ('..').");
            return false;
        }

        if (name.EndsWith('.'))
        {
            name = name[..^1];
        }

        if (name.Length == 0)
        {
            problems.Add($"{what} is empty. Enter a domain name such as mail.example.com.");
            return false;
        }

        if (name.StartsWith('.'))
        {
            problems.Add($"{what} {Display(name)} starts with a dot; remove it.");
            return false;
        }

        string ascii;
        if (name.Any(c => c > 0x7F))
        {
            if (!TryToAscii(name, what, problems, out ascii))
            {
                return false;
            }
        }
        else
        {
            ascii = name.ToLowerInvariant();
        }

        var labels = ascii.Split('.');
        foreach (var label in labels)
        {
            // A few messages say enough; a name of 500 bad labels should not produce 500 of them.
            if (problems.Count >= MaxMessages)
            {
                break;
            }

            CheckLabel(label, problems);
        }

        if (ascii.Length > MaxNameLength)
        {
            problems.Add($"{what} is {ascii.Length} characters long{(ascii.Length != name.Length ? " in its DNS (punycode) form" : "")}; a domain name can have at most {MaxNameLength}.");
        }

        if (problems.Count == 0 && labels.Length > 1 && labels[^1].All(char.IsAsciiDigit))
        {
            problems.Add($"{what} {Display(input)} ends in a number ('{labels[^1]}'); it looks like an IP address, but a domain name is needed.");
        }

        if (problems.Count > 0)
        {
            return false;
        }

        normalized = ascii;
        return true;
    }

    /// <summary>The labels of a normalised name, for comparisons by label rather than by string suffix.</summary>
    public static string[] Labels(string normalizedName) => normalizedName.Split('.');

    /// <summary>True when <paramref name="name"/> is a proper subdomain of <paramref name="parent"/>, compared by labels (both normalised).</summary>
    public static bool IsProperSubdomainOf(string name, string parent)
    {
        var nameLabels = Labels(name);
        var parentLabels = Labels(parent);
        if (nameLabels.Length <= parentLabels.Length)
        {
            return false;
        }

        var offset = nameLabels.Length - parentLabels.Length;
        for (var i = 0; i < parentLabels.Length; i++)
        {
            if (!string.Equals(nameLabels[offset + i], parentLabels[i], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A short, safe rendering of user input for messages: quoted, control characters escaped, long input cut.</summary>
    public static string Display(string? input) => input is null ? "(none)" : $"'{MessageText.Escape(input, 60)}'";

    private static void CheckLabel(string label, List<string> problems)
    {
        if (label.Length == 0)
        {
            problems.Add("The name has an empty part between dots.");
            return;
        }

        if (label.Length > MaxLabelLength)
        {
            problems.Add($"The label {Display(label)} is {label.Length} characters long; each part between dots can have at most {MaxLabelLength}.");
        }

        if (label == "*")
        {
            problems.Add("The name contains '*'. A wildcard cannot be a MAIL FROM domain; enter one exact name such as mail.example.com.");
            return;
        }

        var bad = label.Where(c => !(char.IsAsciiLetterOrDigit(c) || c == '-')).Distinct().ToList();
        if (bad.Count > 0)
        {
            var shown = string.Join(", ", bad.Take(5).Select(c => Display(c.ToString())));
            var hint = bad.Contains('_') ? " Underscores are not allowed in host names." : "";
            problems.Add($"The label {Display(label)} contains {shown}; only letters, digits and hyphens are allowed.{hint}");
            return;
        }

        if (label.StartsWith('-') || label.EndsWith('-'))
        {
            problems.Add($"The label {Display(label)} starts or ends with a hyphen; a hyphen may only appear inside a label.");
            return;
        }

        if (label.StartsWith("xn--", StringComparison.Ordinal))
        {
            try
            {
                Idn.GetUnicode(label);
            }
            catch (ArgumentException)
            {
                problems.Add($"The label {Display(label)} starts with 'xn--' but is not valid punycode (an encoded international name).");
            }
        }
    }

    private static bool TryToAscii(string name, string what, List<string> problems, out string ascii)
    {
        ascii = "";
        foreach (var label in name.Split('.'))
        {
            if (MixesLookAlikeScripts(label))
            {
                problems.Add($"The label {Display(label)} mixes Latin letters with Cyrillic or Greek letters that look alike (for example Cyrillic 'а' and Latin 'a'). Type the name again with one alphabet.");
            }

            var symbols = label.Where(c => c > 0x7F && !IsIdnDot(c) && !IsLetterMarkOrDigit(c)).Select(c => char.IsSurrogate(c) ? '\uD800' : c).Distinct().Take(3).ToList();
            if (symbols.Count > 0)
            {
                problems.Add($"The label {Display(label)} contains {string.Join(", ", symbols.Select(c => char.IsSurrogate(c) ? "an emoji or symbol" : Display(c.ToString())))}, which is not a letter or digit; symbols and emoji are not allowed in a domain name.");
            }
        }

        if (problems.Count > 0)
        {
            return false;
        }

        try
        {
            ascii = Idn.GetAscii(name).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            problems.Add($"{what} {Display(name)} is not a valid international domain name; it cannot be converted to its DNS (punycode) form.");
            return false;
        }

        // IDNA mapping can turn look-alike dots or characters into ASCII; the result is checked like any other name.
        if (ascii.Contains(".."))
        {
            problems.Add($"{what} {Display(name)} has an empty part between two dots.");
            return false;
        }

        return true;
    }

    // IDNA treats these as dots (ideographic, fullwidth and halfwidth full stops).
    private static bool IsIdnDot(char c) => c is '\u3002' or '\uFF0E' or '\uFF61';

    // Surrogate pairs (emoji and other supplementary characters) fall out here as well: they are not BMP letters.
    private static bool IsLetterMarkOrDigit(char c) => CharUnicodeInfo.GetUnicodeCategory(c) is
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter or
        UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.NonSpacingMark or
        UnicodeCategory.SpacingCombiningMark or UnicodeCategory.DecimalDigitNumber;

    private static bool MixesLookAlikeScripts(string label)
    {
        var latin = label.Any(char.IsAsciiLetter);
        var lookAlike = label.Any(c => c is >= '\u0370' and <= '\u03FF' or >= '\u0400' and <= '\u04FF');
        return latin && lookAlike;
    }

    private static bool HasControlCharacter(string value) => value.Any(MessageText.IsInvisible);
}
