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
        // Folded straight into UTF-8 bytes in one pass over the text (ASCII, most of any article, a byte a character
        // through a table); only the rare character outside ASCII goes through the encoder. Building the folded text
        // first and encoding it after read every character three times.
        var bytes = ArrayPool<byte>.Shared.Rent(Math.Max(1, Encoding.UTF8.GetMaxByteCount(body.Length)));
        try
        {
            var length = 0;
            var space = false;
            var folds = AsciiFolds;
            Span<char> lower = stackalloc char[2];
            for (var i = 0; i < body.Length; i++)
            {
                var c = body[i];
                if (c < 128)
                {
                    var folded = folds[c];
                    if (folded == Space)
                    {
                        space = length > 0;
                        continue;
                    }

                    if (space)
                    {
                        bytes[length++] = (byte)' ';
                        space = false;
                    }

                    bytes[length++] = folded;
                    continue;
                }

                if (char.IsWhiteSpace(c))
                {
                    space = length > 0;
                    continue;
                }

                if (space)
                {
                    bytes[length++] = (byte)' ';
                    space = false;
                }

                // A surrogate pair is encoded as one; each half alone (invalid UTF-16) becomes U+FFFD, as the encoder
                // makes of it in a whole text.
                var count = char.IsHighSurrogate(c) && i + 1 < body.Length && char.IsLowSurrogate(body[i + 1]) ? 2 : 1;
                lower[0] = char.ToLowerInvariant(c);
                if (count == 2)
                {
                    lower[1] = body[++i];
                }

                length += Encoding.UTF8.GetBytes(lower[..count], bytes.AsSpan(length));
            }

            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(bytes.AsSpan(0, length), hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>A byte no ASCII character folds to: marks white space in <see cref="AsciiFolds"/>.</summary>
    private const byte Space = 0x80;

    /// <summary>Each ASCII character lower-cased, or <see cref="Space"/> for white space (\t to \r and ' ').</summary>
    private static readonly byte[] AsciiFolds = BuildFolds();

    private static byte[] BuildFolds()
    {
        var table = new byte[128];
        for (var c = 0; c < 128; c++)
        {
            table[c] = char.IsWhiteSpace((char)c) ? Space : (byte)char.ToLowerInvariant((char)c);
        }

        return table;
    }
}
