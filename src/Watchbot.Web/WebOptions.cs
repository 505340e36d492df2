namespace Watchbot.Web;

/// <summary>Watchbot:Web: the web page `watchbot run` serves beside the chats.</summary>
public sealed class WebOptions
{
    /// <summary>Serve the web page at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Where Kestrel listens, separated by ';'. Loopback by default: put a reverse proxy with TLS in front.</summary>
    public string Urls { get; set; } = "http://127.0.0.1:8080";

    /// <summary>How people reach the page from outside (https://watch.example.org). Sign-in links and feeds use it, and
    /// `/event N` in chat links to the event's page only when it is set.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Readers' pages (timelines, events, feeds) only for signed-in curators and owners.</summary>
    public bool Private { get; set; }

    /// <summary>How long a curator stays signed in after the one-time link.</summary>
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>The address links are made from: <see cref="BaseUrl"/>, or else the first listening address.</summary>
    public string PublicBase()
    {
        if (!string.IsNullOrWhiteSpace(BaseUrl))
        {
            return BaseUrl.TrimEnd('/');
        }

        var first = (Urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "http://127.0.0.1:8080";
        return first.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal).TrimEnd('/');
    }
}
