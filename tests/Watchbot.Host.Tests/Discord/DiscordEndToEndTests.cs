using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Watchbot.Core.Events;
using Watchbot.Core.Stores;
using Watchbot.Core.Subscriptions;
using Watchbot.Discord;
using Watchbot.Fakes.Discord;
using Watchbot.Host.Tests.Platforms;
using Watchbot.Host.Tests.Support;
using Watchbot.Storage;

using Watchbot.Fakes;
namespace Watchbot.Host.Tests.Discord;

/// <summary>The real host, with Discord configured, against the fake Discord on 127.0.0.1. What every platform promises
/// (subscribing, the digest, admin-only changes in a channel) is in Platforms/PlatformEndToEndTests; these flows are
/// Discord's own.</summary>
public sealed class DiscordEndToEndTests : IAsyncLifetime
{
    private const string Channel = "700000000000000042";
    private readonly TempFolder temp = new();
    private DiscordCase discord = null!;

    private FakeDiscord Fake => discord.Fake;

    private IServiceProvider Services => discord.Host.Services;

    public async Task InitializeAsync() => discord = await DiscordCase.StartAsync();

    private Task StartHostAsync(Dictionary<string, string?>? more = null) => discord.StartHostAsync(temp.File("watchbot.db"), more);

    private Task<bool> ConnectedAsync() => discord.ConnectedAsync();

    private async Task<string> AnswerAsync(string id)
    {
        Assert.True(await Fake.WaitUntilAsync(() => Fake.Interactions[id].Final is not null), "the interaction was never answered");
        return Fake.Interactions[id].FinalText;
    }

    public async Task DisposeAsync()
    {
        await discord.DisposeAsync();
        temp.Dispose();
    }

    // Discord only: slash commands with typed options, registered by bulk overwrite; Telegram takes a plain list.
    [Fact]
    public async Task Commands_are_registered_with_typed_options_and_again_only_when_they_changed()
    {
        await StartHostAsync();
        Assert.True(await ConnectedAsync());
        await discord.StopHostAsync();

        await StartHostAsync();
        Assert.True(await Fake.WaitUntilAsync(() => Fake.Identifies >= 2 && Fake.Connected));

        var commands = Assert.Single(Fake.CommandRegistrations).AsArray();
        var alerts = commands.Single(c => (string?)c!["name"] == "alerts")!["options"]!.AsArray();
        var severity = alerts.Single(o => (string?)o!["name"] == "severity")!;
        Assert.Equal((4, 1, 5), ((int)severity["type"]!, (int)severity["min_value"]!, (int)severity["max_value"]!));
        Assert.Equal(["on", "off"], alerts.Single(o => (string?)o!["name"] == "state")!["choices"]!.AsArray().Select(c => (string?)c!["value"]));
        Assert.Equal(5, (int)alerts.Single(o => (string?)o!["name"] == "me")!["type"]!);
        Assert.True((bool)commands.Single(c => (string?)c!["name"] == "subscribe")!["options"]![0]!["autocomplete"]!);
        Assert.Equal("32", (string?)commands.Single(c => (string?)c!["name"] == "admin")!["default_member_permissions"]);
        Assert.Single(Fake.Requests, r => r.Method == "PUT" && r.Path == $"applications/{Fake.ApplicationId}/commands");
    }

    // Discord only: guild-scoped commands have no Telegram counterpart.
    [Fact]
    public async Task With_a_dev_guild_the_commands_go_to_that_guild_only()
    {
        await StartHostAsync(new() { ["Watchbot:Discord:DevGuildId"] = "600000000000000009" });
        Assert.True(await ConnectedAsync());

        Assert.Single(Fake.Requests, r => r.Method == "PUT" && r.Path == $"applications/{Fake.ApplicationId}/guilds/600000000000000009/commands");
        Assert.DoesNotContain(Fake.Requests, r => r.Method == "PUT" && r.Path == $"applications/{Fake.ApplicationId}/commands");
    }

    // Discord only: a channel can lose one permission (Embed Links) and be paused until the next command there.
    [Fact]
    public async Task A_channel_missing_a_permission_is_paused_its_admin_told_once_and_the_next_command_there_resumes_it()
    {
        const string admin = "500000000000000077";
        await StartHostAsync();
        Assert.True(await ConnectedAsync());
        await Services.GetRequiredService<IEventStore>().AddAsync(new EventDraft
        {
            Kind = EventKind.Escalation,
            Date = DateOnly.FromDateTime(DateTime.UtcNow),
            Summary = "Shelling of Stepanakert reported",
            Topics = ["karabakh"],
            Severity = 4,
        }, CancellationToken.None);
        Fake.ChannelErrors[Channel] = 50013;

        await AnswerAsync(await Fake.SendCommandAsync("subscribe", [("topic", "karabakh")], Channel, userId: admin));
        await AnswerAsync(await Fake.SendCommandAsync("digest", [("action", "now")], Channel, userId: admin));
        Assert.True(await Fake.WaitUntilAsync(() => Fake.MessagesTo(Fake.DmChannelOf(admin)).Count == 1), "the admin was never told");
        Assert.Empty(Fake.MessagesTo(Channel));
        Fake.ChannelErrors.TryRemove(Channel, out _);
        await AnswerAsync(await Fake.SendCommandAsync("status", [], Channel, userId: admin));

        Assert.True(await Fake.WaitUntilAsync(() => Fake.MessagesTo(Channel).Count >= 1), "the paused channel never resumed");
        Assert.Contains("Embed Links", FakeInteractionAnswers.TextOf(Assert.Single(Fake.MessagesTo(Fake.DmChannelOf(admin)))), StringComparison.Ordinal);
        var subscriptions = await Services.GetRequiredService<ISubscriptionStore>().ListForChatAsync(new ChatAddress("discord", Channel), null, CancellationToken.None);
        Assert.True(Assert.Single(subscriptions).Active);
    }

    // Discord only: the gateway socket and its resume; Telegram polls (offset tests in TelegramEndToEndTests).
    [Fact]
    public async Task A_dropped_socket_is_resumed_without_losing_an_interaction()
    {
        await StartHostAsync();
        Assert.True(await ConnectedAsync());

        await Fake.DropAsync();
        var id = await Fake.SendCommandAsync("topics", channelId: Channel);

        Assert.Contains("karabakh", await AnswerAsync(id), StringComparison.Ordinal);
        Assert.True(Fake.Resumes >= 1);
        Assert.Equal(1, Fake.Identifies);
    }

    // Discord only: the gateway heartbeat behind `watchbot status`.
    [Fact]
    public async Task Status_says_the_Discord_gateway_is_alive_while_Discord_acknowledges_it_and_not_once_it_has_been_silent()
    {
        await StartHostAsync();
        Assert.True(await ConnectedAsync());
        var cursors = Services.GetRequiredService<SqliteStore>().Cursors;
        const string gateway = Heartbeat.Prefix + Watchbot.Discord.Gateway.DiscordGatewayClient.AlivePart;
        for (var i = 0; i < 300 && !(await cursors.ListAsync(Heartbeat.Prefix, CancellationToken.None)).Any(c => c.Name == gateway); i++)
        {
            await Task.Delay(100);
        }

        var result = await WatchbotProcess.RunAsync(["status", "--db", temp.File("watchbot.db")]);

        Assert.Contains("discord.gateway: alive", result.Output, StringComparison.Ordinal);
        var beats = await cursors.ListAsync(Heartbeat.Prefix, CancellationToken.None);
        var (lines, alive) = Watchbot.Host.Cli.StatusVerb.Describe(beats, DateTimeOffset.UtcNow + Heartbeat.StaleAfter + TimeSpan.FromMinutes(1));
        Assert.False(alive);
        Assert.Contains(lines, l => l.StartsWith("discord.gateway: NOT alive", StringComparison.Ordinal));
    }

    // Discord only: a refused token stops only the Discord transport (the process-level promise is in PlatformTokenSecrecyTests).
    [Fact]
    public async Task Close_code_4004_stops_the_Discord_transport_with_its_message_while_the_host_keeps_running()
    {
        Fake.CloseOnIdentify = 4004;
        await StartHostAsync();
        var state = Services.GetRequiredService<DiscordTransportState>();

        Assert.True(await Fake.WaitUntilAsync(() => state.IsStopped));
        Assert.Contains("4004", state.StoppedReason, StringComparison.Ordinal);
        Assert.Contains("Watchbot__Discord__Token", state.StoppedReason, StringComparison.Ordinal);
        Assert.Equal(1, Fake.Identifies);

        // The rest of the bot still works: the store answers and the host was not stopped.
        var lifetime = Services.GetRequiredService<IHostApplicationLifetime>();
        Assert.False(lifetime.ApplicationStopping.IsCancellationRequested);
        Assert.NotEmpty(await Services.GetRequiredService<ITopicStore>().ListAsync(CancellationToken.None));
    }

    // Discord only: the gateway heartbeat behind `watchbot status`.
    [Fact]
    public async Task Status_says_a_gateway_stopped_by_a_refused_token_is_not_connected_at_once()
    {
        // An earlier run's beat must not make a bot whose token is now refused look alive.
        await StartHostAsync();
        Assert.True(await ConnectedAsync());
        var cursors = Services.GetRequiredService<SqliteStore>().Cursors;
        const string gateway = Heartbeat.Prefix + Watchbot.Discord.Gateway.DiscordGatewayClient.AlivePart;
        Assert.True(await Fake.WaitUntilAsync(() => cursors.GetAsync(gateway, CancellationToken.None).Result.Value > Heartbeat.NotConnected));
        await discord.StopHostAsync();

        Fake.CloseOnIdentify = 4004;
        await StartHostAsync();
        var state = Services.GetRequiredService<DiscordTransportState>();
        Assert.True(await Fake.WaitUntilAsync(() => state.IsStopped));

        cursors = Services.GetRequiredService<SqliteStore>().Cursors;
        var (lines, alive) = Watchbot.Host.Cli.StatusVerb.Describe(await cursors.ListAsync(Heartbeat.Prefix, CancellationToken.None), DateTimeOffset.UtcNow);
        Assert.False(alive);
        Assert.Contains(lines, l => l.StartsWith("discord.gateway: NOT alive (not connected for ", StringComparison.Ordinal));
    }
}
