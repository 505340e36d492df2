using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Watchbot.Core.Digests;
using Watchbot.Core.Events;
using Watchbot.Core.Stores;
using Watchbot.Core.Topics;
using Watchbot.Web.Pages;

using Watchbot.Core.Subscriptions;
namespace Watchbot.Web.Endpoints;

/// <summary>The readers' pages: topics, a topic's timeline with its filters and tallies, an event's permalink, a topic's
/// Atom feed. Public unless Watchbot:Web:Private is set, then for signed-in curators only.</summary>
internal static class ReaderEndpoints
{
    /// <summary>How many events a timeline shows at most (the newest; a date range reaches older ones).</summary>
    public const int TimelineLimit = 500;

    public const int FeedEntries = 50;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/", async (HttpContext http, ITopicStore topics, WebOptions options) =>
        {
            var (allowed, who) = await ReaderAsync(http, options);
            return allowed ? Session.Html(SimplePages.Topics(await topics.ListAsync(http.RequestAborted), who)) : Session.NotSignedIn();
        });

        app.MapGet("/topics/{name}", async (string name, HttpContext http, ITopicStore topics, IEventStore events, WebOptions options) =>
        {
            var (allowed, who) = await ReaderAsync(http, options);
            if (!allowed)
            {
                return Session.NotSignedIn();
            }

            var topic = await topics.GetAsync(name, http.RequestAborted);
            if (topic is null)
            {
                return NoTopic(name, who);
            }

            var filter = TimelineFilter.Read(http.Request.Query);
            var (compiled, problem) = filter.Compile(topic);
            var history = await events.ListAsync(EventQuery.TallyHistory(topic.Name), http.RequestAborted);
            var shown = new List<WatchEvent>();
            var truncated = false;
            if (compiled is not null)
            {
                var matcher = CompiledFilter.Compile(compiled);
                var found = await events.ListAsync(new EventQuery
                {
                    Topic = topic.Name, Status = EventStatus.Published, DateFrom = filter.From, DateTo = filter.To,
                    Limit = TimelineLimit + 1, Ascending = false,
                }, http.RequestAborted);
                truncated = found.Count > TimelineLimit;
                shown = found.Take(TimelineLimit).Where(matcher.Matches).ToList();
            }

            var tallies = TallyChart.Series(history, filter.From, filter.To);
            return Session.Html(TimelinePage.Render(topic, filter, problem, shown, tallies, new TallyBook(history), truncated, who));
        });

        app.MapGet("/topics/{name}/feed.atom", async (string name, HttpContext http, ITopicStore topics, IEventStore events, WebOptions options, TimeProvider time) =>
        {
            var (allowed, _) = await ReaderAsync(http, options);
            if (!allowed)
            {
                return Session.NotSignedIn();
            }

            var topic = await topics.GetAsync(name, http.RequestAborted);
            if (topic is null)
            {
                return NoTopic(name, null);
            }

            var latest = await events.ListAsync(new EventQuery { Topic = topic.Name, Status = EventStatus.Published, Limit = FeedEntries, Ascending = false }, http.RequestAborted);
            return Results.Content(AtomFeed.Render(topic, latest, BaseOf(http, options), time.GetUtcNow()), "application/atom+xml; charset=utf-8");
        });

        app.MapGet("/events/{id:long}", async (long id, HttpContext http, IEventStore events, WebOptions options) =>
        {
            var (allowed, who) = await ReaderAsync(http, options);
            if (!allowed)
            {
                return Session.NotSignedIn();
            }

            var e = await events.GetAsync(id, http.RequestAborted);
            if (e is null || (e.Status != EventStatus.Published && who is null))
            {
                return Session.Html(SimplePages.Message("No such event", $"There is no event #{id}."), StatusCodes.Status404NotFound);
            }

            var history = new TallyBook(await events.ListAsync(EventQuery.TallyHistory(e.Topics.FirstOrDefault()), http.RequestAborted));
            var status = EventStatusText.Describe(e);
            var topicLinks = string.Join(", ", e.Topics.Select(t => $"<a href=\"/topics/{Html.Url(t)}\">{Html.E(t)}</a>"));
            var body = $"<h1>Event #{e.Id}</h1><p class=\"muted small\">{Html.E(status)} · topics: {topicLinks}</p>" + EventCard.Render(e, history, headingLinks: false);
            return Session.Html(Html.Page($"Event #{e.Id}", body, who));
        });
    }

    /// <summary>Whether the reader may see the page, and the signed-in curator if any.</summary>
    private static async Task<(bool Allowed, string? Who)> ReaderAsync(HttpContext http, WebOptions options)
    {
        var who = await Session.CuratorAsync(http);
        return (!options.Private || who is not null, who);
    }

    private static IResult NoTopic(string name, string? who) =>
        Session.Html(SimplePages.Message("No such topic", $"There is no topic '{TopicNamesClip(name)}'. The list of topics is on the first page.", who), StatusCodes.Status404NotFound);

    private static string TopicNamesClip(string name) => name.Length > 40 ? name[..40] : name;

    /// <summary>Links in feeds are absolute: the configured public address, else the address the request came to.</summary>
    public static string BaseOf(HttpContext http, WebOptions options) =>
        !string.IsNullOrWhiteSpace(options.BaseUrl) ? options.BaseUrl.TrimEnd('/') : $"{http.Request.Scheme}://{http.Request.Host}";
}
