using Watchbot.Host.Configuration;

namespace Watchbot.Host.Ingest;

public enum SourceKind
{
    Folder,
    File,
    Feed,
    Page,

    /// <summary>A URL given on the command line: read as a feed when it is one, otherwise as a page.</summary>
    Url,
}

/// <summary>One place to read articles from; <see cref="Error"/> says why a configured source cannot be used.</summary>
public sealed record SourceSpec(SourceKind Kind, string Location, string? Error = null)
{
    public static SourceSpec From(SourceOptions options)
    {
        switch (options.Kind.Trim().ToLowerInvariant())
        {
            case "folder":
                return string.IsNullOrWhiteSpace(options.Path)
                    ? new SourceSpec(SourceKind.Folder, "", "is a folder source without a Path; set Path to a folder of .txt, .md or .html files.")
                    : new SourceSpec(SourceKind.Folder, Paths.BesideProgram(options.Path));
            case "feed" or "rss" or "atom":
                return WebSource(SourceKind.Feed, options.Url);
            case "page":
                return WebSource(SourceKind.Page, options.Url);
            default:
                return new SourceSpec(SourceKind.Folder, "", $"has Kind '{options.Kind}'; use folder, feed or page.");
        }
    }

    /// <summary>What `watchbot ingest` was given: an http(s) URL, a folder or a file.</summary>
    public static SourceSpec Guess(string argument)
    {
        if (Uri.TryCreate(argument, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            return new SourceSpec(SourceKind.Url, uri.AbsoluteUri);
        }

        var path = Path.GetFullPath(argument);
        if (Directory.Exists(path))
        {
            return new SourceSpec(SourceKind.Folder, path);
        }

        return File.Exists(path)
            ? new SourceSpec(SourceKind.File, path)
            : new SourceSpec(SourceKind.File, path, $"{argument} is neither a file, a folder nor an http(s) URL.");
    }

    private static SourceSpec WebSource(SourceKind kind, string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? new SourceSpec(kind, uri.AbsoluteUri)
            : new SourceSpec(kind, url ?? "", $"has Url '{url}', which is not an http or https address.");

    public override string ToString() => Kind switch
    {
        SourceKind.Folder => $"folder {Location}",
        SourceKind.File => $"file {Location}",
        SourceKind.Feed => $"feed {Location}",
        _ => $"page {Location}",
    };
}
