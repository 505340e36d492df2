using Watchbot.Core.Events;
using Watchbot.Host.Tests.Support;

namespace Watchbot.Host.Tests.Commands;

/// <summary>The commands as people use them, through the real router, services and SQLite.</summary>
public sealed class CommandFlowTests : IDisposable
{
    private readonly BotFixture bot = new();

    [Fact]
    public async Task Subscribing_sends_a_digest_of_the_last_day_and_the_next_digest_holds_only_what_is_new()
    {
        await bot.AddEventAsync("Rockets fell on the outskirts of Barda");

        var reply = await bot.SayAsync("admin", "/subscribe karabakh", admin: true);
        var recap = await bot.DeliverAsync();
        await bot.AddEventAsync("Artillery duel near Hadrut");
        await bot.SayAsync("admin", "/digest karabakh now", admin: true);
        var next = await bot.DeliverAsync();

        Assert.Contains("A digest of the last day (1 event) follows.", reply);
        Assert.Contains("Rockets fell on the outskirts of Barda", Assert.Single(recap).Text);
        Assert.Contains("Artillery duel near Hadrut", Assert.Single(next).Text);
        Assert.DoesNotContain("Barda", next[0].Text);
    }

    [Fact]
    public async Task A_digest_now_right_after_the_recap_says_when_the_recap_went_out_and_points_to_latest()
    {
        await bot.AddEventAsync("Rockets fell on the outskirts of Barda");
        await bot.SayAsync("admin", "/subscribe karabakh", admin: true);
        await bot.DeliverAsync();

        await bot.SayAsync("admin", "/digest karabakh now", admin: true);
        var empty = Assert.Single(await bot.DeliverAsync()).Text;

        Assert.Contains("Nothing new since the last digest went out on ", empty);
        Assert.Contains("/latest karabakh shows the newest events.", empty);
        Assert.DoesNotContain("Barda", empty);
    }

    [Fact]
    public async Task An_unknown_topic_gets_the_list_and_the_closest_match()
    {
        var reply = await bot.SayAsync("admin", "/subscribe karabak", admin: true);

        Assert.Equal("There is no topic 'karabak'. Did you mean karabakh? Topics: karabakh, sahel.", reply);
    }

    [Fact]
    public async Task A_filter_test_lists_what_would_pass_and_sends_nothing()
    {
        await bot.SayAsync("admin", "/subscribe karabakh", admin: true);
        await bot.DeliverAsync();
        await bot.AddEventAsync("Drone strike on a convoy", severity: 4);
        await bot.AddEventAsync("Small arms fire at night", severity: 2);
        await bot.SayAsync("admin", "/filter karabakh severity>=4", admin: true);

        var reply = await bot.SayAsync("admin", "/filter karabakh test 24h", admin: true);

        Assert.Contains("1 of 2 events of karabakh would have passed", reply);
        Assert.Contains("Drone strike on a convoy", reply);
        Assert.DoesNotContain("Small arms fire", reply);
        Assert.Equal(0, await bot.PendingAsync());
    }

    [Fact]
    public async Task Alerts_come_at_once_for_grave_events_that_pass_the_filters()
    {
        await bot.SayAsync("admin", "/subscribe karabakh", admin: true);
        await bot.DeliverAsync();
        await bot.SayAsync("admin", "/alerts karabakh on severity>=4", admin: true);
        await bot.AddEventAsync("Missile strike on Ganja", severity: 5);
        await bot.AddEventAsync("Exchange of fire", severity: 2);

        await bot.PollAsync();
        var alerts = await bot.DeliverAsync();

        Assert.Contains("Missile strike on Ganja", Assert.Single(alerts).Text);
    }

    [Theory]
    [InlineData("/quiet 00:00-23:59", "/quiet off")]
    [InlineData("/snooze 8h", "/snooze off")]
    public async Task Held_alerts_are_never_dropped_and_arrive_as_one_catch_up_message(string hold, string release)
    {
        await bot.SayAsync("admin", "/subscribe karabakh", admin: true);
        await bot.DeliverAsync();
        await bot.SayAsync("admin", "/alerts karabakh on severity>=3", admin: true);
        // The quiet window 00:00-23:59 leaves out the last minute of the day: near midnight, hold and release by snooze.
        if (DateTime.UtcNow.TimeOfDay > TimeSpan.FromHours(23.9))
        {
            (hold, release) = ("/snooze 1h", "/snooze off");
        }

        await bot.SayAsync("admin", hold, admin: true);
        await bot.AddEventAsync("First strike", severity: 4);
        await bot.PollAsync();
        await bot.AddEventAsync("Second strike", severity: 5);
        await bot.PollAsync();

        var whileHeld = await bot.DeliverAsync();
        await bot.SayAsync("admin", release, admin: true);
        var released = await bot.DeliverAsync();

        Assert.Empty(whileHeld);
        var catchUp = Assert.Single(released).Text;
        Assert.Contains("First strike", catchUp);
        Assert.Contains("Second strike", catchUp);
        Assert.Contains("2 alerts held.", catchUp);
    }

    [Fact]
    public async Task An_approved_event_gets_a_new_seq_and_reaches_the_next_digest()
    {
        await bot.SayAsync("admin", "/subscribe karabakh", admin: true);
        await bot.DeliverAsync();
        var pending = await bot.Store.Events.AddAsync(new EventDraft
        {
            Kind = EventKind.Casualties, Date = DateOnly.FromDateTime(DateTime.UtcNow), Summary = "Officials reported soldiers killed overnight",
            Topics = ["karabakh"], Status = EventStatus.Pending, Confidence = 0.4,
        }, CancellationToken.None);

        var review = await bot.SayAsync("curator", "/admin review");
        var approve = await bot.SayAsync("curator", $"/admin approve {pending.Id}");
        await bot.SayAsync("admin", "/digest karabakh now", admin: true);
        var digest = await bot.DeliverAsync();
        var approved = await bot.Store.Events.GetAsync(pending.Id, CancellationToken.None);

        Assert.Contains("1 event waits for review", review);
        Assert.Contains($"Event #{pending.Id} is published", approve);
        Assert.True(approved!.Seq > pending.Seq);
        Assert.Contains("Officials reported soldiers killed overnight", Assert.Single(digest).Text);
        Assert.Contains("approve", await bot.SayAsync("owner", "/admin audit 5"));
    }

    [Fact]
    public async Task Merging_folds_one_event_into_another_and_withdraws_it()
    {
        var keep = await bot.AddEventAsync("Shelling of Terter", places: ["Terter"]);
        var other = await bot.AddEventAsync("Terter shelled again", places: ["Tartar"]);

        var reply = await bot.SayAsync("curator", $"/admin merge {keep.Id} {other.Id}");
        var kept = await bot.Store.Events.GetAsync(keep.Id, CancellationToken.None);
        var withdrawn = await bot.Store.Events.GetAsync(other.Id, CancellationToken.None);

        Assert.Contains($"merged into #{keep.Id}", reply);
        Assert.Equal(["Terter", "Tartar"], kept!.Places);
        Assert.Equal(EventStatus.Merged, withdrawn!.Status);
        Assert.Equal(keep.Id, withdrawn.MergedInto);
        Assert.True(kept.Seq > other.Seq);
    }

    [Fact]
    public async Task An_event_without_places_says_only_what_it_has()
    {
        var e = await bot.Store.Events.AddAsync(new EventDraft
        {
            Kind = EventKind.Casualties, Date = DateOnly.FromDateTime(DateTime.UtcNow), Summary = "13 civilians wounded", Topics = ["karabakh"],
            Actors = ["Azerbaijan"],
        }, CancellationToken.None);

        var shown = await bot.SayAsync("curator", $"/event {e.Id}");

        Assert.Contains("Actors: Azerbaijan", shown);
        Assert.DoesNotContain("Places:", shown);
    }

    [Fact]
    public async Task A_merged_event_shows_where_it_went_not_that_it_was_rejected()
    {
        var keep = await bot.AddEventAsync("Shelling of Terter");
        var other = await bot.AddEventAsync("Terter shelled again");
        await bot.SayAsync("curator", $"/admin merge {keep.Id} {other.Id}");

        var shown = await bot.SayAsync("curator", $"/event {other.Id}");

        Assert.Contains($"merged into #{keep.Id}", shown);
        Assert.DoesNotContain("rejected", shown);
    }

    [Fact]
    public async Task Latest_event_and_status_answer_from_the_store()
    {
        var e = await bot.AddEventAsync("Strike on a power station", severity: 4);

        var latest = await bot.SayAsync("member", "/latest karabakh 3");
        var shown = await bot.SayAsync("member", $"/event {e.Id}");
        var status = await bot.SayAsync("member", "/status");

        Assert.Contains("Strike on a power station", latest);
        Assert.StartsWith($"#{e.Id}: Strike on a power station", shown);
        Assert.Contains("Entered by hand.", shown);
        Assert.Contains("Events: 1 published, 0 waiting for review", status);
        Assert.Contains("Last poll: never", status);
    }

    [Fact]
    public async Task What_one_chat_exports_another_imports()
    {
        await bot.SayAsync("admin", "/subscribe karabakh", admin: true);
        await bot.SayAsync("admin", "/filter karabakh kinds=casualties places=Khankendi", admin: true);
        await bot.SayAsync("admin", "/digest karabakh at 07:15 tz Asia/Yerevan", admin: true);
        var json = await bot.SayAsync("admin", "/export", admin: true);

        var imported = await bot.SayAsync("someone", "/import " + json, privately: true);
        var listed = await bot.SayAsync("someone", "/subscriptions", privately: true);

        Assert.StartsWith("Imported 1 subscription", imported);
        Assert.Contains("karabakh (personal): daily digest at 07:15 Asia/Yerevan with chart; alerts off; filters: kinds=casualties places=Stepanakert", listed);
    }

    [Fact]
    public async Task Two_people_in_one_group_never_see_each_others_personal_settings()
    {
        await bot.SayAsync("alice", "/subscribe karabakh me");
        await bot.SayAsync("alice", "/filter karabakh me include=hospital");

        var bob = await bot.SayAsync("bob", "/subscriptions");
        var alice = await bot.SayAsync("alice", "/subscriptions");

        Assert.DoesNotContain("hospital", bob);
        Assert.Contains("You follow no topics yourself.", bob);
        Assert.Contains("include=hospital", alice);
    }

    [Fact]
    public async Task A_flood_of_commands_is_slowed_with_one_polite_reply()
    {
        var replies = new List<string>();
        for (var i = 0; i < 30; i++)
        {
            replies.Add(await bot.SayAsync("flooder", "/topics"));
        }

        Assert.Single(replies, r => r.StartsWith("You are sending commands faster", StringComparison.Ordinal));
        Assert.True(replies.Count(r => r.Length == 0) >= 20);
    }

    [Fact]
    public async Task A_digest_turned_off_comes_back_on_at_its_old_time_and_digest_alone_shows_them_all()
    {
        await bot.SayAsync("admin", "/subscribe karabakh", admin: true);
        await bot.SayAsync("admin", "/subscribe sahel", admin: true);
        await bot.SayAsync("admin", "/digest karabakh at 06:45 tz Asia/Yerevan", admin: true);

        var off = await bot.SayAsync("admin", "/digest karabakh off", admin: true);
        var on = await bot.SayAsync("admin", "/digest karabakh on", admin: true);
        await bot.SayAsync("admin", "/digest sahel off", admin: true);
        var all = await bot.SayAsync("admin", "/digest", admin: true);
        var refused = await bot.SayAsync("member", "/digest karabakh off");

        Assert.StartsWith("Daily digest of karabakh is off. /digest karabakh on turns it on again at 06:45 Asia/Yerevan.", off);
        Assert.StartsWith("Daily digest of karabakh at 06:45 Asia/Yerevan; the next one on", on);
        Assert.Contains("Daily digest of karabakh at 06:45 Asia/Yerevan", all);
        Assert.Contains("Daily digest of sahel is off.", all);
        Assert.StartsWith("Only administrators", refused);
        Assert.Contains("daily digest at 06:45 Asia/Yerevan", await bot.SayAsync("admin", "/subscriptions", admin: true));
    }

    [Fact]
    public async Task Typed_kind_changes_work_like_the_buttons()
    {
        await bot.SayAsync("admin", "/subscribe karabakh", admin: true);

        var fewer = await bot.SayAsync("admin", "/filter karabakh kinds=casualties,ceasefire,displacement kinds-=displacement", admin: true);
        var more = await bot.SayAsync("admin", "/filter karabakh kinds+=displacement", admin: true);
        var last = await bot.SayAsync("admin", "/filter karabakh kinds-=casualties,ceasefire,displacement", admin: true);

        Assert.Equal("Filters of karabakh: kinds=casualties,ceasefire.", fewer);
        Assert.Equal("Filters of karabakh: kinds=casualties,ceasefire,displacement.", more);
        Assert.StartsWith("At least one kind must stay; to stop following karabakh, send /unsubscribe karabakh.", last);
        Assert.Contains("kinds=casualties,ceasefire,displacement", await bot.SayAsync("admin", "/subscriptions", admin: true));
    }

    [Theory]
    [InlineData("/digest karabakh at 25:99")]
    [InlineData("/digest karabakh at 08:00 tz Mars/Olympus")]
    [InlineData("/filter karabakh places=<b>Ganja</b>")]
    [InlineData("/filter karabakh include=@everyone")]
    [InlineData("/filter sahel kinds=escalation")]
    [InlineData("/alerts karabakh on severity>=99")]
    [InlineData("/quiet 7pm-6am")]
    [InlineData("/snooze forever")]
    [InlineData("/import {\"version\":1,\"subscriptions\":[{\"topic\":")]
    [InlineData("/unsubscribe karabakh sahel extra")]
    [InlineData("/admin edit 1 severity=99")]
    [InlineData("/admin grant everyone curator")]
    public async Task Bad_arguments_get_a_short_usage_reply_and_change_nothing(string command)
    {
        await bot.SayAsync("owner", "/subscribe karabakh");
        await bot.AddEventAsync("A strike");
        var before = await bot.SayAsync("owner", "/export");

        var reply = await bot.SayAsync("owner", command);

        Assert.True(reply.Length is > 0 and < 600, reply);
        Assert.Equal(before, await bot.SayAsync("owner", "/export"));
        Assert.Contains("karabakh", await bot.SayAsync("owner", "/subscriptions"));
    }

    [Fact]
    public async Task A_severity_out_of_range_is_called_out_of_range_not_an_unknown_field()
    {
        await bot.AddEventAsync("A strike");

        var reply = await bot.SayAsync("owner", "/admin edit 1 severity=9");

        Assert.StartsWith("severity 9 is out of range; severity is a number from 1 (minor) to 5 (grave)", reply);
        Assert.DoesNotContain("not a field", reply);
    }

    [Theory]
    [InlineData("telegram:abc")]
    [InlineData("discord:someone")]
    public async Task A_curator_that_no_platform_could_name_is_refused(string user)
    {
        var reply = await bot.SayAsync("owner", $"/admin grant {user} curator");

        Assert.StartsWith("Usage: /admin grant", reply);
        Assert.DoesNotContain("is now a curator", reply);
    }

    public void Dispose() => bot.Dispose();
}
