using System.Globalization;
using Watchbot.Core.Alerts;
using Watchbot.Core.Messages;
using Watchbot.Core.Subscriptions;

namespace Watchbot.Core.Tests;

public sealed class AlertHoldTests
{
    private static readonly ChatAddress Chat = new("test", "1");

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("22:00", "07:00", "UTC", "2020-10-04T23:30:00Z", "2020-10-05T07:00:00Z")]
    [InlineData("22:00", "07:00", "UTC", "2020-10-05T03:00:00Z", "2020-10-05T07:00:00Z")]
    [InlineData("22:00", "07:00", "UTC", "2020-10-05T07:00:00Z", null)]
    [InlineData("22:00", "07:00", "UTC", "2020-10-05T12:00:00Z", null)]
    [InlineData("13:00", "14:00", "UTC", "2020-10-05T13:15:00Z", "2020-10-05T14:00:00Z")]
    // Yerevan is UTC+4: 22:00-07:00 local is 18:00-03:00 UTC.
    [InlineData("22:00", "07:00", "Asia/Yerevan", "2020-10-04T19:00:00Z", "2020-10-05T03:00:00Z")]
    [InlineData("22:00", "07:00", "Asia/Yerevan", "2020-10-04T17:59:00Z", null)]
    // Berlin leaves summer time in the night of 24-25 Oct 2020: 07:00 local on the 25th is 06:00 UTC.
    [InlineData("22:00", "07:00", "Europe/Berlin", "2020-10-24T23:00:00Z", "2020-10-25T06:00:00Z")]
    public void Alerts_in_quiet_hours_are_held_until_the_hours_end(string start, string end, string zone, string now, string? until)
    {
        var settings = new ChatSettings(Chat, new QuietHours(TimeOnly.Parse(start, CultureInfo.InvariantCulture), TimeOnly.Parse(end, CultureInfo.InvariantCulture), zone), null);

        var held = AlertHold.HeldUntil(settings, At(now));

        Assert.Equal(until is null ? null : At(until), held);
    }

    [Fact]
    public void A_snooze_holds_alerts_until_it_ends()
    {
        var settings = new ChatSettings(Chat, null, At("2020-10-05T10:00:00Z"));

        Assert.Equal(At("2020-10-05T10:00:00Z"), AlertHold.HeldUntil(settings, At("2020-10-05T02:00:00Z")));
        Assert.Null(AlertHold.HeldUntil(settings, At("2020-10-05T10:00:00Z")));
    }

    [Fact]
    public void A_snooze_that_ends_in_quiet_hours_holds_until_they_end_too()
    {
        var settings = new ChatSettings(Chat, new QuietHours(new TimeOnly(22, 0), new TimeOnly(7, 0), "UTC"), At("2020-10-04T23:00:00Z"));

        Assert.Equal(At("2020-10-05T07:00:00Z"), AlertHold.HeldUntil(settings, At("2020-10-04T20:00:00Z")));
    }

    [Fact]
    public void Held_alerts_gather_into_one_catch_up_message_oldest_first()
    {
        static OutgoingMessage Alert(string text) => new(MessageKind.Alert, "Karabakh alert", [new MessageSection(null, [MessageItem.Plain(text)])]);

        var merged = CatchUp.Merge(CatchUp.Merge(CatchUp.Start(Alert("first")), Alert("second")), Alert("third"));

        Assert.Equal(["first", "second", "third"], merged.Sections.Single().Items.Select(i => i.Text));
        Assert.Equal("3 alerts held.", merged.Footer);
    }
}
