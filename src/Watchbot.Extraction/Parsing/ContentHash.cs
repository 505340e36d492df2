using System.Security.Cryptography;
using System.Text;

namespace Watchbot.Extraction.Parsing;

public static class ContentHash
{
    /// <summary>SHA-256 (hex) of the body lower-cased with all whitespace collapsed: the same text under another name hashes the same.</summary>
    public static string Of(string body)
    {
        var sb = new StringBuilder(body.Length);
        var space = false;
        foreach (var c in body)
        {
            if (char.IsWhiteSpace(c))
            {
                space = sb.Length > 0;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }
}
