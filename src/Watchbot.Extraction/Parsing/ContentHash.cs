using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Watchbot.Extraction.Parsing;

public static class ContentHash
{
    /// <summary>
    /// SHA-256 (hex) of the body's UTF-8 bytes, lower-cased (invariant) with every run of white space made one space and
    /// none at either end: the same text under another name, or with other line breaks, hashes the same.
    /// </summary>
    public static string Of(string body)
    {
        // Two passes over bytes rather than one over characters: the text lower-cased straight into UTF-8 (a vector
        // at a time for ASCII, most of any article), then the white space collapsed in place. Folding each character
        // through a table in one pass took about three nanoseconds a character, as long as the SHA-256 after it.
        var bytes = ArrayPool<byte>.Shared.Rent(Math.Max(1, Encoding.UTF8.GetMaxByteCount(body.Length)));
        try
        {
            var length = Collapse(bytes.AsSpan(0, Lower(body, bytes)));
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(bytes.AsSpan(0, length), hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>
    /// The text lower-cased (invariant) into UTF-8, each white space character outside ASCII written as a space (it
    /// collapses like one); returns the number of bytes written.
    /// </summary>
    private static int Lower(string body, byte[] bytes)
    {
        var text = body.AsSpan();
        var length = 0;
        Span<char> lower = stackalloc char[2];
        while (true)
        {
            var outside = text.IndexOfAnyExceptInRange((char)0, (char)127);
            var ascii = outside < 0 ? text : text[..outside];
            Ascii.ToLower(ascii, bytes.AsSpan(length), out var written);
            length += written;
            if (outside < 0)
            {
                return length;
            }

            text = text[outside..];
            var c = text[0];
            if (char.IsWhiteSpace(c))
            {
                bytes[length++] = (byte)' ';
                text = text[1..];
                continue;
            }

            // A surrogate pair is encoded as one; each half alone (invalid UTF-16) becomes U+FFFD, as the encoder
            // makes of it in a whole text.
            var count = char.IsHighSurrogate(c) && text.Length > 1 && char.IsLowSurrogate(text[1]) ? 2 : 1;
            lower[0] = char.ToLowerInvariant(c);
            if (count == 2)
            {
                lower[1] = text[1];
            }

            length += Encoding.UTF8.GetBytes(lower[..count], bytes.AsSpan(length));
            text = text[count..];
        }
    }

    /// <summary>Each run of white space made one space, none at either end, in place; returns the new length.</summary>
    private static int Collapse(Span<byte> text)
    {
        var written = 0;
        var space = false;
        var whiteSpace = AsciiWhiteSpace;
        foreach (var b in text)
        {
            // Bytes above ' ' (every byte of a character outside ASCII among them) are never white space.
            if (b <= ' ' && whiteSpace[b])
            {
                space = written > 0;
                continue;
            }

            if (space)
            {
                text[written++] = (byte)' ';
                space = false;
            }

            text[written++] = b;
        }

        return written;
    }

    /// <summary>Which of the characters up to ' ' are white space (\t to \r and ' ').</summary>
    private static readonly bool[] AsciiWhiteSpace = [.. Enumerable.Range(0, ' ' + 1).Select(c => char.IsWhiteSpace((char)c))];
}
