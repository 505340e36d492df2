using Microsoft.Playwright;
using Watchbot.Core.Events;
using Watchbot.Web.Tests.Support;

namespace Watchbot.Web.Tests;

/// <summary>The page in a real browser (Debian's chromium through Playwright), against real SQLite. Few and bounded:
/// each test has a timeout, each wait the browser fixture's.</summary>
public sealed class BrowserTests(WebFixture web, BrowserFixture browser) : IClassFixture<WebFixture>, IClassFixture<BrowserFixture>
{
    private const int Timeout = 90_000;

    [Fact(Timeout = Timeout)]
    public async Task A_reader_sees_the_timeline_with_tallies_and_narrows_it_by_kind_and_place_alias()
    {
        var page = await browser.NewPageAsync();
        var response = await page.GotoAsync($"{web.BaseUrl}/topics/karabakh");
        Assert.Equal(200, response!.Status);
        Assert.Contains("7 events", await page.InnerTextAsync("#count"));
        Assert.Equal(2, await page.Locator("figure.chart polyline").CountAsync());
        Assert.Contains("Armenia military killed, per Armenia", await page.InnerTextAsync("figure.chart"));
        Assert.Contains("Officials in the city said artillery struck residential streets overnight.", await page.InnerTextAsync("main"));
        Assert.Equal("https://news.example.org/Night-of-shelling", await page.GetAttributeAsync("#event-1 .sources a", "href"));
        await BrowserFixture.ShotAsync(page, "timeline");

        await page.CheckAsync("input[name=kinds][value=escalation]");
        await page.FillAsync("#place", "Shushi");
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync("**place=Shushi**");
        Assert.Contains("1 event matches the filters", await page.InnerTextAsync("#count"));
        Assert.Contains("Drone strike near Shusha", await page.InnerTextAsync("main"));
        Assert.DoesNotContain("Shelling hit Stepanakert", await page.InnerTextAsync("main"));
        Assert.True(await page.IsCheckedAsync("input[name=kinds][value=escalation]"));
        await BrowserFixture.ShotAsync(page, "timeline-filtered");

        await page.GotoAsync($"{web.BaseUrl}/topics/karabakh?place=Nowhereville");
        Assert.Contains("Nowhereville", await page.InnerTextAsync(".notice"));
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = Timeout)]
    public async Task The_timeline_fits_a_phone_screen()
    {
        var page = await browser.NewPageAsync(phone: true);
        await page.GotoAsync($"{web.BaseUrl}/topics/karabakh");
        var scrollWidth = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(scrollWidth <= 390, $"the page is {scrollWidth} px wide on a 390 px screen");
        await BrowserFixture.ShotAsync(page, "timeline-phone");
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = Timeout)]
    public async Task A_curator_signs_in_by_the_admin_web_link_approves_an_event_and_sees_it_published_and_audited()
    {
        var link = await web.AskForLinkAsync(WebFixture.Curator);
        var page = await browser.NewPageAsync();
        await page.GotoAsync(link);
        Assert.Contains(WebFixture.Curator, await page.InnerTextAsync("main"));
        await page.ClickAsync("#signin");
        await page.WaitForURLAsync("**/review");
        var queued = page.Locator($"#pending-{web.PendingLowConfidence}");
        Assert.Contains("Residents described explosions on the edge of the city.", await queued.InnerTextAsync());
        Assert.Contains("Confidence 0.35, below the review threshold 0.50", await queued.InnerTextAsync());
        await BrowserFixture.ShotAsync(page, "review");

        await queued.Locator("button[value=approve]").ClickAsync();
        await page.WaitForSelectorAsync("#result");
        Assert.Contains($"Event #{web.PendingLowConfidence} is published", await page.InnerTextAsync("#result"));
        Assert.Equal(0, await page.Locator($"#pending-{web.PendingLowConfidence}").CountAsync());
        Assert.Contains($"#{web.PendingLowConfidence} -> published", await page.InnerTextAsync("#audit"));
        await BrowserFixture.ShotAsync(page, "review-approved");
        await page.ReloadAsync();
        Assert.Equal(0, await page.Locator("#result").CountAsync());

        var stored = await web.Store.Events.GetAsync(web.PendingLowConfidence, CancellationToken.None);
        Assert.Equal(EventStatus.Published, stored!.Status);
        var audit = await web.Store.Audit.RecentAsync(10, CancellationToken.None);
        Assert.Single(audit, a => a.Actor == WebFixture.Curator && a.Action == "approve" && a.Details.StartsWith($"#{web.PendingLowConfidence} ", StringComparison.Ordinal));

        await page.GotoAsync($"{web.BaseUrl}/topics/karabakh");
        Assert.Contains("Reported clash near Ganja", await page.InnerTextAsync("main"));

        var again = await page.GotoAsync(link);
        Assert.Equal(410, again!.Status);
        Assert.Contains("already been used", await page.InnerTextAsync("#message"));
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = Timeout)]
    public async Task An_expired_link_a_stranger_and_a_forged_form_are_refused_and_change_nothing()
    {
        var page = await browser.NewPageAsync();
        var expired = await page.GotoAsync(web.LinkFor(WebFixture.Curator, DateTimeOffset.UtcNow.AddMinutes(-11)));
        Assert.Equal(410, expired!.Status);
        Assert.Contains("more than 10 minutes old", await page.InnerTextAsync("#message"));

        var tampered = await page.GotoAsync(web.LinkFor(WebFixture.Curator, DateTimeOffset.UtcNow).Replace("token=", "token=x", StringComparison.Ordinal));
        Assert.Equal(400, tampered!.Status);

        await page.GotoAsync(web.LinkFor(WebFixture.Stranger, DateTimeOffset.UtcNow));
        var stranger = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("#signin"), r => r.Url.EndsWith("/signin", StringComparison.Ordinal));
        Assert.Equal(403, stranger.Status);
        Assert.Contains("owners and curators only", await page.InnerTextAsync("#message"));
        var review = await page.GotoAsync($"{web.BaseUrl}/review");
        Assert.Equal(401, review!.Status);
        await BrowserFixture.ShotAsync(page, "refused-stranger");

        await page.GotoAsync(web.LinkFor(WebFixture.Owner, DateTimeOffset.UtcNow));
        await page.ClickAsync("#signin");
        await page.WaitForURLAsync("**/review");
        var card = page.Locator($"#pending-{web.PendingForForgery}");
        await card.Locator("form[action$='/reject'] input[name=__RequestVerificationToken]").EvaluateAsync("input => input.value = 'forged'");
        var forged = await page.RunAndWaitForResponseAsync(() => card.Locator("button[value=reject]").ClickAsync(), r => r.Url.EndsWith("/reject", StringComparison.Ordinal));
        Assert.Equal(400, forged.Status);
        Assert.Contains("did not come from this page", await page.InnerTextAsync("#message"));
        await BrowserFixture.ShotAsync(page, "refused-forged");

        var stored = await web.Store.Events.GetAsync(web.PendingForForgery, CancellationToken.None);
        Assert.Equal(EventStatus.Pending, stored!.Status);
        var audit = await web.Store.Audit.RecentAsync(50, CancellationToken.None);
        Assert.DoesNotContain(audit, a => a.Details.StartsWith($"#{web.PendingForForgery} ", StringComparison.Ordinal));
        await page.Context.CloseAsync();
    }

    [Fact(Timeout = Timeout)]
    public async Task A_curator_edits_merges_and_rejects_through_the_same_admin_code()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(await web.AskForLinkAsync(WebFixture.Owner));
        await page.ClickAsync("#signin");
        await page.WaitForURLAsync("**/review");

        var card = page.Locator($"#pending-{web.PendingForReject}");
        await card.Locator("summary").ClickAsync();
        await card.Locator("input[name=summary]").FillAsync("Families leave border villages near Shushi");
        await card.Locator("input[name=severity]").FillAsync("3");
        await card.Locator("input[name=places]").FillAsync("Shushi");
        await card.Locator("form[action$='/edit'] button").ClickAsync();
        await page.WaitForSelectorAsync("#result");
        Assert.Contains($"Event #{web.PendingForReject} corrected", await page.InnerTextAsync("#result"));
        var edited = await web.Store.Events.GetAsync(web.PendingForReject, CancellationToken.None);
        Assert.Equal("Families leave border villages near Shushi", edited!.Summary);
        Assert.Equal(3, edited.Severity);
        Assert.Equal(["Shusha"], edited.Places);

        card = page.Locator($"#pending-{web.PendingForReject}");
        await card.Locator("summary").ClickAsync();
        await card.Locator("input[name=into]").FillAsync("3");
        await card.Locator("form[action$='/merge'] button").ClickAsync();
        await page.WaitForSelectorAsync("#result");
        Assert.Contains($"Event #{web.PendingForReject} merged into #3", await page.InnerTextAsync("#result"));
        var kept = await web.Store.Events.GetAsync(3, CancellationToken.None);
        Assert.Contains(kept!.Sources, s => s.Sentence == "Several families packed cars and drove north.");
        var folded = await web.Store.Events.GetAsync(web.PendingForReject, CancellationToken.None);
        Assert.Equal((EventStatus.Merged, 3L), (folded!.Status, folded.MergedInto!.Value));

        var audit = await web.Store.Audit.RecentAsync(50, CancellationToken.None);
        Assert.Contains(audit, a => a.Actor == WebFixture.Owner && a.Action == "edit" && a.Details.Contains("severity=3", StringComparison.Ordinal) && !a.Details.Contains("kind=", StringComparison.Ordinal));
        Assert.Contains(audit, a => a.Actor == WebFixture.Owner && a.Action == "merge" && a.Details == $"#{web.PendingForReject} into #3");
        await page.Context.CloseAsync();
    }
}
