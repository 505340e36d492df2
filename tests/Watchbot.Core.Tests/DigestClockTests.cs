using Watchbot.Core.Digests;
using Watchbot.Core.Subscriptions;

namespace Watchbot.Core.Tests;

public sealed class DigestClockTests
{
    [Theory]
    [InlineData("UTC", "08:00", "2020-10-04T07:59:00Z", "2020-10-04T08:00:00Z")]
    [InlineData("UTC", "08:00", "2020-10-04T08:00:00Z", "2020-10-05T08:00:00Z")]
    [InlineData("Asia/Yerevan", "08:00", "2020-10-04T00:00:00Z", "2020-10-04T04:00:00Z")]
    [InlineData("America/New_York", "23:30", "2020-10-04T12:00:00Z", "2020-10-05T03:30:00Z")]
    // Berlin leaves summer time on 25 Oct 2020: 08:00 local is 06:00 UTC before and 07:00 UTC after.
    [InlineData("Europe/Berlin", "08:00", "2020-10-24T07:00:00Z", "2020-10-25T07:00:00Z")]
    [InlineData("Europe/Berlin", "08:00", "2020-03-28T08:00:00Z", "2020-03-29T06:00:00Z")]
    // 02:30 does not exist in Berlin on 29 Mar 2020: the digest comes at the first minute after the gap, 03:00 local.
    [InlineData("Europe/Berlin", "02:30", "2020-03-28T12:00:00Z", "2020-03-29T01:00:00Z")]
    // 02:30 happens twice in Berlin on 25 Oct 2020: the digest comes once, at the first.
    [InlineData("Europe/Berlin", "02:30", "2020-10-24T12:00:00Z", "2020-10-25T00:30:00Z")]
    public void The_next_digest_time_is_the_local_time_in_the_subscribers_zone(string zone, string time, string after, string expected)
    {
        var schedule = new DigestSchedule(true, TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture), zone);

        var next = DigestClock.NextAfter(schedule, DateTimeOffset.Parse(after, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), next);
    }

    [Fact]
    public void A_digest_time_that_happens_twice_in_a_night_sends_one_digest()
    {
        var schedule = new DigestSchedule(true, new TimeOnly(2, 30), "Europe/Berlin");
        var first = DigestClock.NextAfter(schedule, DateTimeOffset.Parse("2020-10-24T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

        var second = DigestClock.NextAfter(schedule, first);

        Assert.Equal(DateTimeOffset.Parse("2020-10-26T01:30:00Z", System.Globalization.CultureInfo.InvariantCulture), second);
    }

    [Fact]
    public void A_new_subscription_is_not_due_until_its_first_scheduled_time()
    {
        var created = DateTimeOffset.Parse("2020-10-04T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var subscription = Samples.Subscription(createdAt: created);

        Assert.False(DigestClock.IsDue(subscription, created.AddHours(22)));
        Assert.True(DigestClock.IsDue(subscription, created.AddHours(23)));
    }

    [Fact]
    public void A_digest_already_sent_today_is_not_due_again_today()
    {
        var sent = DateTimeOffset.Parse("2020-10-04T08:00:30Z", System.Globalization.CultureInfo.InvariantCulture);
        var subscription = Samples.Subscription(createdAt: sent.AddDays(-3), lastDigestAt: sent);

        Assert.False(DigestClock.IsDue(subscription, sent.AddHours(12)));
        Assert.True(DigestClock.IsDue(subscription, sent.AddDays(1)));
    }

    [Fact]
    public void A_digest_that_is_off_is_never_due()
    {
        var subscription = Samples.Subscription(digest: DigestSchedule.Default with { Enabled = false }, createdAt: Samples.Noon.AddDays(-5));

        Assert.False(DigestClock.IsDue(subscription, Samples.Noon));
    }
}
