using Watchbot.Core.Stores;

namespace Watchbot.Core.Tests;

public sealed class FetchPolicyTests
{
    private static readonly DateTimeOffset Now = new(2020, 10, 4, 7, 0, 0, TimeSpan.Zero);
    private const string Url = "https://news.example/a";

    [Fact]
    public void A_url_never_fetched_may_be_fetched_and_one_stored_duplicate_or_gone_never_again()
    {
        Assert.True(FetchPolicy.MayFetch(null, Now));
        Assert.False(FetchPolicy.MayFetch(new FetchRecord(Url, FetchVerdict.Stored, 0, null, Now, null), Now.AddYears(1)));
        Assert.False(FetchPolicy.MayFetch(FetchPolicy.Duplicate(Url, Now), Now.AddYears(1)));
        Assert.False(FetchPolicy.MayFetch(FetchPolicy.Failed(null, Url, "404", permanent: true, Now), Now.AddYears(1)));
    }

    [Fact]
    public void A_failure_that_may_pass_waits_15_minutes_then_an_hour_then_four_hours_and_is_given_up_after_the_fourth()
    {
        FetchRecord? record = null;
        var at = Now;
        var waits = new List<TimeSpan?>();
        for (var i = 0; i < FetchPolicy.MaxAttempts; i++)
        {
            record = FetchPolicy.Failed(record, Url, "503", permanent: false, at);
            waits.Add(record.NotBefore - at);
            at = record.NotBefore ?? at;
        }

        Assert.Equal([TimeSpan.FromMinutes(15), TimeSpan.FromHours(1), TimeSpan.FromHours(4), null], waits);
        Assert.Equal(FetchVerdict.Failing, record!.Verdict);
        Assert.False(FetchPolicy.MayFetch(record, Now.AddYears(1)));
        Assert.False(FetchPolicy.Waiting(record, Now.AddYears(1)));
    }

    [Fact]
    public void A_later_retry_after_from_the_server_wins_over_the_wait_and_an_earlier_one_does_not()
    {
        Assert.Equal(Now.AddHours(2), FetchPolicy.Failed(null, Url, "429", permanent: false, Now, Now.AddHours(2)).NotBefore);
        Assert.Equal(Now.AddMinutes(15), FetchPolicy.Failed(null, Url, "429", permanent: false, Now, Now.AddMinutes(1)).NotBefore);
    }

    [Fact]
    public void A_failing_url_may_be_fetched_once_its_wait_is_over_and_is_waiting_until_then()
    {
        var record = FetchPolicy.Failed(null, Url, "503", permanent: false, Now);

        Assert.False(FetchPolicy.MayFetch(record, Now.AddMinutes(14)));
        Assert.True(FetchPolicy.Waiting(record, Now.AddMinutes(14)));
        Assert.True(FetchPolicy.MayFetch(record, Now.AddMinutes(15)));
    }
}
