using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Watchbot.Extraction.Parsing;

public static class ContentHash
{
    /// <summary>SHA-256 (hex) of the body lower-cased with all whitespace collapsed: the same text under another name hashes the same.</summary>
    public static string Of(string body)
    {
        // One pooled buffer for the folded text and one for its UTF-8 bytes: a StringBuilder fed a char at a time, its
        // string and the byte array cost more than the hash itself.
        var chars = ArrayPool<char>.Shared.Rent(Math.Max(1, body.Length));
        try
        {
            var length = 0;
            var space = false;
            foreach (var c in body)
            {
                // ASCII, most of any article, without the calls: its white space is \t to \r and ' ', its upper case A to Z.
                if (char.IsAscii(c))
                {
                    if (c == ' ' || c is >= '\t' and <= '\r')
                    {
                        space = length > 0;
                        continue;
                    }

                    if (space)
                    {
                        chars[length++] = ' ';
                        space = false;
                    }

                    chars[length++] = char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
                    continue;
                }

                if (char.IsWhiteSpace(c))
                {
                    space = length > 0;
                    continue;
                }

                if (space)
                {
                    chars[length++] = ' ';
                    space = false;
                }

                chars[length++] = char.ToLowerInvariant(c);
            }

            var text = chars.AsSpan(0, length);
            var bytes = ArrayPool<byte>.Shared.Rent(Math.Max(1, Encoding.UTF8.GetMaxByteCount(length)));
            try
            {
                var count = Encoding.UTF8.GetBytes(text, bytes);
                Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
                SHA256.HashData(bytes.AsSpan(0, count), hash);
                return Convert.ToHexStringLower(hash);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(bytes);
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }
}
