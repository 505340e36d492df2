using System.Text;

namespace Watchbot.Extraction.Parsing;

/// <summary>
/// The front door of parsing: bytes or text of one article in, an <see cref="Watchbot.Core.Stores.ArticleDraft"/> or a
/// reason out. Never throws on bad input.
/// </summary>
public static class ArticleParser
{
    /// <summary>Files above this size are refused rather than parsed (a 50 MB "article" is not one).</summary>
    public const int MaxBytes = 5 * 1024 * 1024;

    public static ArticleFormat FormatOf(string? fileName, string? content = null)
    {
        var ext = Path.GetExtension(fileName ?? "").ToLowerInvariant();
        if (ext is ".html" or ".htm" or ".xhtml")
        {
            return ArticleFormat.Html;
        }

        var head = content is null ? "" : content.AsSpan(0, Math.Min(content.Length, 512)).TrimStart().ToString();
        if (head.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
        {
            return ArticleFormat.Html;
        }

        return ext is ".md" or ".markdown" ? ArticleFormat.Markdown : ArticleFormat.Text;
    }

    /// <summary>Decodes and parses a file's bytes: refuses binary, invalid UTF-8, empty and oversized input with a reason.</summary>
    public static ParseOutcome ParseBytes(ReadOnlySpan<byte> bytes, string origin, string? url, DateOnly readDate)
    {
        if (bytes.Length == 0)
        {
            return ParseOutcome.Fail("the file is empty");
        }

        if (bytes.Length > MaxBytes)
        {
            return ParseOutcome.Fail($"the file is {bytes.Length / (1024 * 1024.0):0.#} MB, above the {MaxBytes / (1024 * 1024)} MB limit for one article");
        }

        var sample = bytes[..Math.Min(bytes.Length, 8192)];
        var controls = 0;
        foreach (var b in sample)
        {
            if (b == 0)
            {
                return ParseOutcome.Fail("the file is binary (it contains NUL bytes), not an article");
            }

            if (b < 32 && b is not (9 or 10 or 13 or 12))
            {
                controls++;
            }
        }

        if (controls > sample.Length / 20)
        {
            return ParseOutcome.Fail("the file is binary (too many control characters), not an article");
        }

        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            return ParseOutcome.Fail($"the file is not valid UTF-8 (bad byte at offset {e.Index}); save it as UTF-8");
        }

        return Parse(text.TrimStart('\uFEFF'), origin, url, readDate);
    }

    /// <summary>Parses article text; the format comes from the origin's extension or, for HTML, from the content.</summary>
    public static ParseOutcome Parse(string content, string origin, string? url, DateOnly readDate, ArticleFormat? format = null)
    {
        if (string.IsNullOrWhiteSpace(content))
        {
            return ParseOutcome.Fail("the file has no text");
        }

        if (content.Length > MaxBytes)
        {
            return ParseOutcome.Fail($"the text is {content.Length / (1024 * 1024.0):0.#} M characters, above the {MaxBytes / (1024 * 1024)} MB limit for one article");
        }

        try
        {
            return (format ?? FormatOf(origin, content)) switch
            {
                ArticleFormat.Html => HtmlArticleParser.Parse(content, origin, url, readDate),
                _ => TextArticleParser.Parse(content, origin, url, readDate),
            };
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or IndexOutOfRangeException or System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return ParseOutcome.Fail($"the article could not be parsed: {e.Message}");
        }
    }
}
