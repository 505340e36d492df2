using System.Text.RegularExpressions;

namespace Watchbot.Telegram.Api;

/// <summary>Takes bot tokens out of text before it is logged, thrown or shown: the token sits in every request path.</summary>
public static partial class TokenRedactor
{
    public const string Mask = "<token>";

    public static string Redact(string? text, string? token)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text ?? "";
        }

        if (!string.IsNullOrEmpty(token))
        {
            text = text.Replace(token, Mask, StringComparison.Ordinal);

            // The secret half alone, as it shows when the colon was escaped (%3A) or the text was cut at it.
            var secret = token[(token.IndexOf(':', StringComparison.Ordinal) + 1)..];
            if (secret.Length >= 8)
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return AnyToken().Replace(text, Mask);
    }

    /// <summary>Anything shaped like a bot token (123456:AA...), wherever it came from.</summary>
    [GeneratedRegex("[0-9]{5,20}:[A-Za-z0-9_-]{30,}")]
    private static partial Regex AnyToken();
}
