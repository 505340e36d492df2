namespace Watchbot.Core.Web;

/// <summary>Where the web page is reached from outside (Watchbot:Web:BaseUrl): chat replies link to it.</summary>
public sealed record WebLinks(string BaseUrl)
{
    /// <summary>The permalink of an event, as the web page serves it.</summary>
    public string Event(long id) => $"{BaseUrl.TrimEnd('/')}/events/{id}";
}

/// <summary>Issues the one-time sign-in links of the curators' web page. Implemented by the web page itself, which
/// alone can redeem what it issued.</summary>
public interface ISignInLinks
{
    /// <summary>How long a link stays good.</summary>
    TimeSpan Lifetime { get; }

    /// <summary>A link signing in <paramref name="actorKey"/> ("telegram:42"), good once and until <see cref="Lifetime"/> has passed.</summary>
    string Issue(string actorKey, DateTimeOffset now);
}
