namespace Watchbot.Extraction.Text;

/// <summary>
/// One sentence of an article: its text, the paragraph it sits in, and which character ranges of it are inside
/// double quotes (a quote can open in an earlier sentence of the same paragraph).
/// </summary>
public sealed record Sentence(string Text, int Paragraph, int IndexInParagraph, IReadOnlyList<(int Start, int End)> Quoted)
{
    public bool IsQuoted(int position)
    {
        foreach (var (start, end) in Quoted)
        {
            if (position >= start && position < end)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The sentence with the quoted parts blanked out (same length, so offsets still line up).</summary>
    public string Unquoted()
    {
        if (Quoted.Count == 0)
        {
            return Text;
        }

        var chars = Text.ToCharArray();
        foreach (var (start, end) in Quoted)
        {
            for (var i = start; i < end && i < chars.Length; i++)
            {
                chars[i] = ' ';
            }
        }

        return new string(chars);
    }
}
