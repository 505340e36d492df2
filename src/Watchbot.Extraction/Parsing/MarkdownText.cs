using System.Text.RegularExpressions;

namespace Watchbot.Extraction.Parsing;

/// <summary>Turns one line of Markdown into plain text: headings, emphasis, links, images and escapes.</summary>
public static partial class MarkdownText
{
    public static string StripLine(string line)
    {
        if (IsPlain(line))
        {
            return line.TrimEnd();
        }

        var s = Image().Replace(line, "");
        s = Link().Replace(s, "$1");
        s = AutoLink().Replace(s, "");
        s = Heading().Replace(s, "");
        s = Quote().Replace(s, "");
        s = Bullet().Replace(s, "");
        s = Rule().Replace(s, "");
        s = Tag().Replace(s, "");
        s = Stars().Replace(s, "");
        s = Underscores().Replace(s, "");
        s = Escape().Replace(s, "$1");
        return s.TrimEnd();
    }

    /// <summary>Most lines of an article are plain prose: nothing to strip but the white space at the end.</summary>
    public static bool IsPlain(ReadOnlySpan<char> line) => line.IndexOfAny("*_#>\\[<!") < 0 && !Bullet().IsMatch(line) && !Rule().IsMatch(line);

    public static bool IsHeading(string line) => Heading().IsMatch(line);

    // The bracketed and parenthesised parts stop at the next opening bracket: on a huge line of "[" or "<https://"
    // the old patterns scanned to the end of the line from every opening, which took time quadratic in its length.
    [GeneratedRegex(@"!\[[^\[\]]*\]\([^)\[]*\)")]
    private static partial Regex Image();

    [GeneratedRegex(@"(?<!\\)\[([^\[\]]*)\]\([^)\[]*\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"<https?://[^<>\s]+>")]
    private static partial Regex AutoLink();

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s{0,3}>\s?")]
    private static partial Regex Quote();

    [GeneratedRegex(@"^\s{0,3}[-*+]\s+(?=\S)")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")]
    private static partial Regex Rule();

    [GeneratedRegex(@"</?(?:br|b|i|em|strong|span|u|sup|sub)\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex Tag();

    [GeneratedRegex(@"(?<!\\)\*+")]
    private static partial Regex Stars();

    [GeneratedRegex(@"(?<![\w\\])_+(?=\S)|(?<=\S)(?<!\\)_+(?!\w)")]
    private static partial Regex Underscores();

    [GeneratedRegex(@"\\([\\`*_{}\[\]()#+\-.!$<>|~""'])")]
    private static partial Regex Escape();
}
