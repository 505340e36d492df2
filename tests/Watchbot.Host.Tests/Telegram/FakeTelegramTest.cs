using Watchbot.Fakes.Telegram;

using Watchbot.Fakes;
namespace Watchbot.Host.Tests.Telegram;

/// <summary>A test class whose every test gets its own fake Bot API server and database folder, removed afterwards.</summary>
public abstract class FakeTelegramTest : IAsyncLifetime
{
    protected const long Alice = 1001;
    protected const long GroupAdmin = 5;
    private readonly TempFolder temp = new();

    protected FakeBotApiServer Fake { get; private set; } = null!;

    protected string Db => temp.File("watchbot.db");

    public async Task InitializeAsync() => Fake = await FakeBotApiServer.StartAsync();

    /// <summary>Starts the bot with a group whose administrator (user 5, also its <paramref name="adminStatus"/>) has
    /// subscribed it to karabakh and been answered.</summary>
    protected async Task<TelegramBot> StartWithSubscribedGroupAsync(long group, string chatType = "supergroup", string adminStatus = "administrator")
    {
        Fake.SetMemberStatus(group, GroupAdmin, adminStatus);
        var bot = await TelegramBot.StartAsync(Db, Fake);
        Fake.EnqueueText(group, GroupAdmin, "/subscribe karabakh", chatType);
        Assert.True(await Fake.WaitUntilAsync(f => f.SentTo(group).Any(m => m.Text.Contains("follow", StringComparison.Ordinal)), TelegramBot.Patience),
            $"group {group} was not answered");
        return bot;
    }

    public async Task DisposeAsync()
    {
        await Fake.DisposeAsync();
        temp.Dispose();
    }
}
