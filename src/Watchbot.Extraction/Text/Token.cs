
namespace Watchbot.Extraction.Text;

/// <summary>A word, number or punctuation mark with its place in the sentence. The text is cut out only when asked for.</summary>
public readonly record struct Token(string Source, int Start, int End)
{
    public string Text => Source.Substring(Start, End - Start);

    public ReadOnlySpan<char> Span => Source.AsSpan(Start, End - Start);

    public bool IsWord => End > Start && char.IsLetterOrDigit(Source[Start]);

    public bool Is(string word) => Span.Equals(word, StringComparison.OrdinalIgnoreCase);
}

public static class Tokenizer
{
    /// <summary>Words (letters and digits, joined by . , ' - : between them: "2,300", "Nagorno-Karabakh", "1.5"), and single punctuation marks.</summary>
    public static IReadOnlyList<Token> Tokenize(string text)
    {
        var tokens = new List<Token>(text.Length / 5);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            if (!char.IsLetterOrDigit(c))
            {
                tokens.Add(new Token(text, i, i + 1));
                i++;
                continue;
            }

            var start = i;
            while (i < text.Length)
            {
                if (char.IsLetterOrDigit(text[i]))
                {
                    i++;
                }
                else if (text[i] is '.' or ',' or '\'' or '-' or ':' && i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1]))
                {
                    i += 2;
                }
                else
                {
                    break;
                }
            }

            tokens.Add(new Token(text, start, i));
        }

        return tokens;
    }
}
