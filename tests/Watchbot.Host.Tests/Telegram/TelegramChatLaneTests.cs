using System.Diagnostics;
using Watchbot.Core.Stores;
using Watchbot.Telegram.Receiving;
using Xunit.Abstractions;

namespace Watchbot.Host.Tests.Telegram;

/// <summary>Chats are handled independently: one person's flood, paced at Telegram's one message a second in their
/// chat, never holds up another person's answer, and every update is still handled once, in order within its chat.</summary>
public sealed class TelegramChatLaneTests(ITestOutputHelper output) : FakeTelegramTest
{
    private const long Bob = 2002;

    [Fact]
    public async Task Forty_plain_messages_from_one_person_do_not_delay_another_persons_topics()
    {
        await using var bot = await TelegramBot.StartAsync(Db, Fake);
        Fake.EnqueueText(Bob, Bob, "/help");
        Assert.True(await Fake.WaitUntilAsync(f => f.SentTo(Bob).Count == 1, TelegramBot.Patience), "the bot did not start answering");

        for (var i = 0; i < 40; i++)
        {
            Fake.EnqueueText(Alice, Alice, $"hello {i}");
        }

        // Alice's first hints are on their way, one a second: Bob asks now.
        Assert.True(await Fake.WaitUntilAsync(f => f.SentTo(Alice).Count >= 1, TelegramBot.Patience), "Alice was not answered");
        var clock = Stopwatch.StartNew();
        var last = Fake.EnqueueText(Bob, Bob, "/topics");
        Assert.True(await Fake.WaitUntilAsync(f => f.SentTo(Bob).Count == 2, TelegramBot.Patience), "Bob's /topics was not answered");
        var answeredIn = clock.Elapsed;
        output.WriteLine($"Bob's /topics answered in {answeredIn.TotalMilliseconds:0} ms while Alice had {Fake.SentTo(Alice).Count} answers");

        Assert.True(answeredIn < TimeSpan.FromSeconds(3), $"Bob waited {answeredIn.TotalSeconds:0.0} s behind Alice's flood");
        Assert.True(Fake.SentTo(Alice).Count < 9, "Alice's flood was answered before Bob was: nothing showed that chats run independently");

        // Alice's flood: eight hints and one warning, nothing else, and every update recorded as handled.
        Assert.True(await Fake.WaitUntilAsync(f => f.SentTo(Alice).Count >= 9, TelegramBot.Patience), "Alice's flood was not answered");
        Assert.True(await WaitForOffsetAsync(bot, last + 1), "the offset did not move past the last update");
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(9, Fake.SentTo(Alice).Count);
        Assert.Single(Fake.SentTo(Alice), m => m.Text.StartsWith("You are sending commands faster", StringComparison.Ordinal));
        Assert.Equal(2, Fake.SentTo(Bob).Count);
    }

    private static async Task<bool> WaitForOffsetAsync(TelegramBot bot, long offset)
    {
        for (var i = 0; i < 300; i++)
        {
            if ((await bot.Get<ICursorStore>().GetAsync(PollingReceiver.CursorName, CancellationToken.None)).Value == offset)
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }
}
