namespace Watchbot.Extraction.Parsing;

public enum ArticleFormat { Text, Markdown, Html }

/// <summary>An article, or the reason it could not be read. Never both.</summary>
public sealed record ParseOutcome(Watchbot.Core.Stores.ArticleDraft? Article, string? Error)
{
    public bool Ok => Article is not null;

    /// <summary>
    /// The article's body in paragraphs, as the parser cut it (the body is these joined by blank lines): handed to
    /// <see cref="Extractor.Extract"/>, it spares cutting the body again.
    /// </summary>
    public IReadOnlyList<string>? Paragraphs { get; init; }

    public static ParseOutcome Fail(string reason) => new(null, reason);
}
