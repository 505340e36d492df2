using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Watchbot.Core.Delivery;
using Watchbot.Core.Messages;
using Watchbot.Core.Subscriptions;
using Watchbot.Discord.Sending;
using Watchbot.Fakes.Discord;
using Watchbot.Storage;

using Watchbot.Fakes;
namespace Watchbot.Discord.Tests;

/// <summary>50013 Missing Permissions pauses a channel (an admin can grant the permission in a minute); it is not gone.</summary>
public sealed class MissingPermissionTests : IAsyncLifetime
{
    private const string Channel = "700000000000000301";
    private const string Admin = "500000000000000301";
    private static readonly ChatAddress Chat = new("discord", Channel);
    private readonly string folder = Path.Combine(Path.GetTempPath(), "watchbot-discord-tests", Guid.NewGuid().ToString("N"));
    private readonly ListLogger<ChannelPauses> log = new();
    private FakeDiscord fake = null!;
    private SqliteStore store = null!;
    private ChannelPauses pauses = null!;
    private DiscordSender sender = null!;
    private DeliveryService delivery = null!;

    public async Task InitializeAsync()
    {
        fake = await FakeDiscord.StartAsync();
        Directory.CreateDirectory(folder);
        store = new SqliteStore(Path.Combine(folder, "pauses.db"));
        await store.MigrateAsync(CancellationToken.None);
        var options = Fixture.Options(fake);
        var rest = Fixture.Rest(options);
        var dms = new DmChannelCache(rest);
        pauses = new ChannelPauses(rest, dms, store.Outbox, store.Audit, options, TimeProvider.System, log);
        sender = new DiscordSender(rest, dms, new DiscordTransportState(), new ListLogger<DiscordSender>(), pauses);
        delivery = new DeliveryService(store.Outbox, store.Subscriptions, new DeliverySettings(), TimeProvider.System, NullLogger<DeliveryService>.Instance);
        await store.Subscriptions.AddAsync(new Subscription { Chat = Chat, Topic = "karabakh", CreatedAt = DateTimeOffset.UtcNow }, CancellationToken.None);
        await store.Audit.AddAsync("discord:" + Admin, "subscribe", $"{Chat} karabakh", DateTimeOffset.UtcNow, CancellationToken.None);
        for (var i = 0; i < 2; i++)
        {
            await store.Outbox.EnqueueAsync(new OutboxDraft(Chat, OutgoingMessage.Reply("digest " + i.ToString(CultureInfo.InvariantCulture))), CancellationToken.None);
        }
    }

    public async Task DisposeAsync()
    {
        await fake.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private IReadOnlyList<System.Text.Json.Nodes.JsonNode> DirectMessages() => fake.MessagesTo(fake.DmChannelOf(Admin));

    [Fact]
    public async Task A_channel_missing_a_permission_is_paused_not_deactivated_and_its_admin_is_told_once()
    {
        fake.ChannelErrors[Channel] = 50013;

        var drained = await delivery.DrainAsync(sender, CancellationToken.None);
        var again = await sender.SendAsync(Chat, OutgoingMessage.Reply("direct"), CancellationToken.None);

        Assert.Equal((0, 0), (drained.Sent, drained.ChatsGone));
        Assert.IsType<DeliveryResult.ChatPaused>(again);
        Assert.True(Assert.Single(await store.Subscriptions.ListForChatAsync(Chat, null, CancellationToken.None)).Active);
        var waiting = Assert.Single(await store.Outbox.NextDueAsync("discord", DateTimeOffset.UtcNow.AddMinutes(31), 10, CancellationToken.None));
        Assert.Equal(0, waiting.Attempts);
        Assert.Empty(await store.Outbox.NextDueAsync("discord", DateTimeOffset.UtcNow.AddMinutes(29), 10, CancellationToken.None));
        var notice = FakeInteractionAnswers.TextOf(Assert.Single(DirectMessages()));
        Assert.Contains("Embed Links", notice, StringComparison.Ordinal);
        Assert.Contains($"<#{Channel}>", notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_from_the_paused_channel_resumes_its_deliveries_at_once()
    {
        fake.ChannelErrors[Channel] = 50013;
        await delivery.DrainAsync(sender, CancellationToken.None);
        fake.ChannelErrors.TryRemove(Channel, out _);

        await pauses.ResumeAsync(Channel, CancellationToken.None);
        var drained = await delivery.DrainAsync(sender, CancellationToken.None);

        Assert.Equal(2, drained.Sent);
        Assert.Equal(["digest 0", "digest 1"], fake.MessagesTo(Channel).Select(FakeInteractionAnswers.TextOf));
    }

    [Fact]
    public async Task Unknown_channel_and_missing_access_still_mean_the_channel_is_gone()
    {
        fake.ChannelErrors[Channel] = 10003;

        var drained = await delivery.DrainAsync(sender, CancellationToken.None);

        Assert.Equal(1, drained.ChatsGone);
        Assert.False(Assert.Single(await store.Subscriptions.ListForChatAsync(Chat, null, CancellationToken.None)).Active);
        Assert.Empty(DirectMessages());
    }
}
