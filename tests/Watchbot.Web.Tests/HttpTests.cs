using System.Net;
using System.Xml.Linq;
using Watchbot.Web.Tests.Support;

namespace Watchbot.Web.Tests;

/// <summary>What a feed reader, a monitor and a plain HTTP client get, without a browser.</summary>
public sealed class HttpTests(WebFixture web) : IClassFixture<WebFixture>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    [Fact]
    public async Task A_topics_atom_feed_lists_its_published_events_with_permalinks_and_sentences()
    {
        using var http = new HttpClient();
        var response = await http.GetAsync($"{web.BaseUrl}/topics/karabakh/feed.atom");
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
        var entries = feed.Root!.Elements(Atom + "entry").ToList();
        Assert.True(entries.Count >= 7);
        Assert.DoesNotContain(entries, e => e.Element(Atom + "title")!.Value.Contains("Artillery exchange", StringComparison.Ordinal));
        var shelling = entries.Single(e => e.Element(Atom + "title")!.Value == "escalation: Shelling hit Stepanakert overnight");
        Assert.Equal($"{web.BaseUrl}/events/1", shelling.Element(Atom + "link")!.Attribute("href")!.Value);
        Assert.Contains("Officials in the city said artillery struck residential streets overnight.", shelling.Element(Atom + "content")!.Value);
    }

    [Fact]
    public async Task A_pending_event_has_no_public_permalink_and_an_unknown_topic_is_a_404()
    {
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"{web.BaseUrl}/events/1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"{web.BaseUrl}/events/{web.PendingForForgery}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"{web.BaseUrl}/topics/atlantis")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync($"{web.BaseUrl}/review")).StatusCode);
    }

    [Fact]
    public async Task The_health_endpoint_says_each_part_alive_from_the_heartbeats_watchbot_status_reads()
    {
        using var http = new HttpClient();
        var now = DateTimeOffset.UtcNow;
        await web.Store.Cursors.SetAsync("alive.delivery.telegram", now.ToUnixTimeSeconds(), now, CancellationToken.None);
        await web.Store.Cursors.SetAsync("alive.telegram.polling", now.ToUnixTimeSeconds(), now, CancellationToken.None);
        var alive = await http.GetAsync($"{web.BaseUrl}/health");
        var body = await alive.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, alive.StatusCode);
        Assert.Contains("\"name\":\"telegram.polling\",\"alive\":true", body);

        var stale = now.AddMinutes(-5);
        await web.Store.Cursors.SetAsync("alive.delivery.telegram", stale.ToUnixTimeSeconds(), stale, CancellationToken.None);
        var dead = await http.GetAsync($"{web.BaseUrl}/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, dead.StatusCode);
        Assert.Contains("\"name\":\"delivery.telegram\",\"alive\":false", await dead.Content.ReadAsStringAsync());
        await web.Store.Cursors.SetAsync("alive.delivery.telegram", now.ToUnixTimeSeconds(), now, CancellationToken.None);
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_changes_nothing()
    {
        using var http = new HttpClient();
        var response = await http.PostAsync($"{web.BaseUrl}/signin", new FormUrlEncodedContent([new("token", web.Tokens.Token(WebFixture.Owner, DateTimeOffset.UtcNow))]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(response.Headers, h => h.Key == "Set-Cookie" && h.Value.Any(v => v.StartsWith("watchbot.session", StringComparison.Ordinal)));
    }
}

/// <summary>Watchbot:Web:Private=true: readers' pages need a curator's session; /health stays open.</summary>
public sealed class PrivateTests(PrivateWebFixture fixture) : IClassFixture<PrivateWebFixture>
{
    [Fact]
    public async Task A_private_page_shows_nothing_to_a_stranger_but_health()
    {
        var web = fixture.Inner;
        using var http = new HttpClient();
        foreach (var path in new[] { "/", "/topics/karabakh", "/topics/karabakh/feed.atom", "/events/1" })
        {
            var response = await http.GetAsync(web.BaseUrl + path);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.DoesNotContain("Shelling", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.NotEqual(HttpStatusCode.Unauthorized, (await http.GetAsync(web.BaseUrl + "/health")).StatusCode);
    }
}
