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

    /// <summary>The one sentence per bad setting that stops the program at start, naming the setting and the fix.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (!Enabled)
        {
            return problems;
        }

        var urls = (Urls ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (urls.Length == 0)
        {
            problems.Add("Watchbot:Web:Urls is empty; set where the web page listens, such as http://127.0.0.1:8080, or set Watchbot:Web:Enabled to false.");
        }

        foreach (var url in urls.Where(u => !IsListenUrl(u)))
        {
            problems.Add($"Watchbot:Web:Urls has '{url}', which is not an http:// address with a port; write it as http://127.0.0.1:8080.");
        }

        if (!string.IsNullOrWhiteSpace(BaseUrl) && !(Uri.TryCreate(BaseUrl, UriKind.Absolute, out var b) && b.Scheme is "http" or "https"))
        {
            problems.Add($"Watchbot:Web:BaseUrl is '{BaseUrl}', which is not an http(s) address; write it as https://watch.example.org, or leave it empty.");
        }

        if (SessionLifetime < TimeSpan.FromMinutes(1) || SessionLifetime > TimeSpan.FromDays(30))
        {
            problems.Add($"Watchbot:Web:SessionLifetime is {SessionLifetime}; it must be between 00:01:00 and 30.00:00:00 (08:00:00 is a working day).");
        }

        return problems;
    }

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

    private static bool IsListenUrl(string url)
    {
        var normal = url.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal);
        return Uri.TryCreate(normal, UriKind.Absolute, out var uri) && uri.Scheme == "http" && uri.Authority.LastIndexOf(':') > uri.Authority.LastIndexOf(']');
    }
}
