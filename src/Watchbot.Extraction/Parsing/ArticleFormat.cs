namespace Watchbot.Extraction.Parsing;

public enum ArticleFormat { Text, Markdown, Html }

/// <summary>An article, or the reason it could not be read. Never both.</summary>
public sealed record ParseOutcome(Watchbot.Core.Storage.ArticleDraft? Article, string? Error)
{
    public bool Ok => Article is not null;

    public static ParseOutcome Fail(string reason) => new(null, reason);
}
