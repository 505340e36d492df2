namespace Watchbot.Host.Ingest;

/// <summary>An article as read from a source, before parsing: its bytes, or why it could not be read.</summary>
public sealed record RawArticle(string Origin, string? Url, byte[]? Bytes, string? Error)
{
    public static RawArticle Read(string origin, string? url, byte[] bytes) => new(origin, url, bytes, null);

    public static RawArticle Failed(string origin, string? url, string reason) => new(origin, url, null, reason);
}
