using Microsoft.Extensions.Logging.Abstractions;
using Watchbot.Core.Commands;
using Watchbot.Core.Stores;
using Watchbot.Core.Topics;
using Watchbot.Discord.Gateway;
using Watchbot.Discord.Interactions;
using Watchbot.Fakes.Discord;

using Watchbot.Fakes;
namespace Watchbot.Discord.Tests;

/// <summary>Interactions from the fake gateway through the real gateway client, handler and REST client: answered at
/// once when quick, deferred and then completed by editing the original when slow, ephemeral where personal.</summary>
public sealed class InteractionHandlerTests : IAsyncLifetime
{
    private readonly ListLogger<InteractionHandler> log = new();
    private readonly CancellationTokenSource stop = new();
    private FakeDiscord fake = null!;
    private DiscordGatewayClient gateway = null!;
    private Task running = Task.CompletedTask;

    public async Task InitializeAsync()
    {
        fake = await FakeDiscord.StartAsync();
        fake.HeartbeatIntervalMs = 1000;
        var options = Fixture.Options(fake);
        options.DeferAfter = TimeSpan.FromMilliseconds(300);
        options.AnswerWithin = TimeSpan.FromMilliseconds(1500);
        var rest = Fixture.Rest(options);
        var router = new CommandRouter([new Say("quick", TimeSpan.Zero, false), new Say("slow", TimeSpan.FromMilliseconds(900), false),
            new Say("stuck", TimeSpan.FromSeconds(10), false), new Say("mine", TimeSpan.Zero, true), new Say("slowmine", TimeSpan.FromMilliseconds(900), true)],
            new AccessPolicy(new HashSet<string>()), new NoRoles(), TimeProvider.System, NullLogger<CommandRouter>.Instance);
        var handler = new InteractionHandler(router, new Topics(), rest, options, log);
        gateway = new DiscordGatewayClient(options, rest, new DiscordTransportState(), handler.HandleAsync, TimeProvider.System, new ListLogger<DiscordGatewayClient>());
        running = gateway.RunAsync(stop.Token);
        Assert.True(await fake.WaitUntilAsync(() => fake.Connected), "never connected");
    }

    public async Task DisposeAsync()
    {
        await stop.CancelAsync();
        await running.WaitAsync(TimeSpan.FromSeconds(10));
        await fake.DisposeAsync();
        stop.Dispose();
    }

    private async Task<FakeInteractionAnswers> AnsweredAsync(string id)
    {
        Assert.True(await fake.WaitUntilAsync(() => fake.Interactions[id].Final is not null), "never answered");
        return fake.Interactions[id];
    }

    [Fact]
    public async Task A_quick_command_is_answered_at_once_with_type_4()
    {
        var sent = DateTimeOffset.UtcNow;
        var answers = await AnsweredAsync(await fake.SendCommandAsync("quick"));

        var callback = Assert.Single(answers.Callbacks);
        Assert.Equal(4, (int)callback["type"]!);
        Assert.Equal("quick done", (string?)callback["data"]!["content"]);
        Assert.Empty(callback["data"]!["allowed_mentions"]!["parse"]!.AsArray());
        Assert.Empty(answers.Edits);
        var answered = fake.Requests.Single(r => r.Path.EndsWith("/callback", StringComparison.Ordinal)).At;
        Assert.True(answered - sent < TimeSpan.FromSeconds(3), $"answered after {(answered - sent).TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task A_flooding_member_is_told_privately_to_slow_down_on_every_interaction_and_never_told_the_command_was_unreadable()
    {
        var ids = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            ids.Add(await fake.SendCommandAsync("quick", userId: "500000000000000077"));
        }

        var answers = new List<FakeInteractionAnswers>();
        foreach (var id in ids)
        {
            answers.Add(await AnsweredAsync(id));
        }

        var texts = answers.Select(a => a.FinalText).ToList();
        Assert.Equal(8, texts.Count(t => t == "quick done"));
        Assert.All(texts.Skip(8), t => Assert.Contains("faster than I can answer", t, StringComparison.Ordinal));
        Assert.All(answers.Skip(8), a => Assert.Equal(64, (int?)a.Final!["flags"]));
        Assert.DoesNotContain(texts, t => t.Contains("could not read", StringComparison.Ordinal));
    }

    [Fact]
    public async Task One_members_flood_in_one_channel_does_not_slow_another_members_answer_elsewhere()
    {
        var flood = new List<Task<string>>();
        for (var i = 0; i < 20; i++)
        {
            flood.Add(fake.SendCommandAsync("slow", channelId: "700000000000000011", userId: "500000000000000011"));
        }

        var sent = DateTimeOffset.UtcNow;
        var other = await AnsweredAsync(await fake.SendCommandAsync("quick", channelId: "700000000000000022", userId: "500000000000000022"));

        Assert.Equal("quick done", other.FinalText);
        Assert.True(DateTimeOffset.UtcNow - sent < TimeSpan.FromSeconds(1), "the other member waited behind the flood");
        await Task.WhenAll(flood);
    }

    [Fact]
    public async Task A_slow_command_is_deferred_with_type_5_then_completed_by_editing_the_original()
    {
        var id = await fake.SendCommandAsync("slow");
        Assert.True(await fake.WaitUntilAsync(() => fake.Interactions[id].Edits.Count == 1));
        var answers = fake.Interactions[id];

        var callback = Assert.Single(answers.Callbacks);
        Assert.Equal(5, (int)callback["type"]!);
        Assert.Equal("slow done", (string?)answers.Edits[0]["content"]);
        Assert.Empty(answers.Edits[0]["allowed_mentions"]!["parse"]!.AsArray());
        var edit = fake.Requests.Single(r => r.Method == "PATCH");
        Assert.Equal($"webhooks/{fake.ApplicationId}/token-{id}/messages/@original", edit.Path);
        var deferredAt = fake.Requests.Single(r => r.Path.EndsWith("/callback", StringComparison.Ordinal)).At;
        Assert.True(edit.At > deferredAt);
    }

    [Fact]
    public async Task A_deferred_command_that_outlives_the_answer_window_says_so_before_discord_stops_taking_edits()
    {
        var sent = DateTimeOffset.UtcNow;
        var id = await fake.SendCommandAsync("stuck");

        Assert.True(await fake.WaitUntilAsync(() => fake.Interactions[id].Edits.Count == 1, TimeSpan.FromSeconds(5)));
        Assert.Contains("taking too long", (string?)fake.Interactions[id].Edits[0]["content"], StringComparison.Ordinal);
        Assert.True(DateTimeOffset.UtcNow - sent < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_personal_answer_is_ephemeral_with_flag_64()
    {
        var answers = await AnsweredAsync(await fake.SendCommandAsync("mine"));

        Assert.Equal(64, (int?)Assert.Single(answers.Callbacks)["data"]!["flags"]);
    }

    [Fact]
    public async Task A_slow_personal_answer_replaces_the_deferral_with_an_ephemeral_follow_up()
    {
        var id = await fake.SendCommandAsync("slowmine");
        Assert.True(await fake.WaitUntilAsync(() => fake.Interactions[id].Followups.Count == 1));
        var answers = fake.Interactions[id];

        Assert.Equal(5, (int)Assert.Single(answers.Callbacks)["type"]!);
        Assert.True(answers.Deleted);
        Assert.Equal(64, (int?)answers.Followups[0]["flags"]);
        Assert.Equal("slowmine done", (string?)answers.Final!["content"]);
    }

    [Fact]
    public async Task Autocomplete_offers_the_topics_that_match_what_was_typed_with_type_8()
    {
        var id = await fake.SendAutocompleteAsync("subscribe", "topic", "kara");
        Assert.True(await fake.WaitUntilAsync(() => fake.Interactions[id].Callbacks.Count == 1));

        var callback = fake.Interactions[id].Callbacks[0];
        Assert.Equal(8, (int)callback["type"]!);
        var choices = callback["data"]!["choices"]!.AsArray().Select(c => (string?)c!["value"]).ToList();
        Assert.Equal(["karabakh"], choices);
    }

    [Fact]
    public async Task An_interaction_that_expired_is_logged_as_10062_and_not_retried()
    {
        fake.ExpireInteractions = true;
        var id = await fake.SendCommandAsync("quick");

        Assert.True(await fake.WaitUntilAsync(() => log.All.Contains("10062", StringComparison.Ordinal)), log.All);
        await Task.Delay(200);
        Assert.Single(fake.Requests, r => r.Path.StartsWith($"interactions/{id}/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_interaction_already_acknowledged_is_completed_by_editing_the_original()
    {
        var id = await fake.SendCommandAsync("slow");
        // Something else acknowledged it first: the bot's own deferral then gets 40060.
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{fake.ApiBaseUrl}/interactions/{id}/token-{id}/callback")
        {
            Content = new StringContent("{\"type\":5}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Bot " + fake.Token);
        (await http.SendAsync(request)).EnsureSuccessStatusCode();

        Assert.True(await fake.WaitUntilAsync(() => fake.Interactions[id].Edits.Count >= 1));
        Assert.Equal("slow done", (string?)fake.Interactions[id].Edits[^1]["content"]);
        Assert.Equal(1, fake.DuplicateCallbacks);
        Assert.Contains("40060", log.All, StringComparison.Ordinal);
    }

    private sealed class Say(string name, TimeSpan delay, bool ephemeral) : ICommandHandler
    {
        public CommandSpec Spec { get; } = new(name, "/" + name, name, CommandAccess.Anyone);

        public async Task<CommandReply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
        {
            await Task.Delay(delay, cancellationToken);
            return CommandReply.Text(name + " done", ephemeral);
        }
    }

    private sealed class NoRoles : IRoleStore
    {
        public Task<bool> IsCuratorAsync(string userKey, CancellationToken cancellationToken) => Task.FromResult(false);

        public Task<bool> GrantCuratorAsync(string userKey, string grantedBy, DateTimeOffset at, CancellationToken cancellationToken) => Task.FromResult(false);

        public Task<bool> RevokeCuratorAsync(string userKey, CancellationToken cancellationToken) => Task.FromResult(false);
    }

    private sealed class Topics : ITopicStore
    {
        private static readonly List<Topic> All = [new("karabakh", "Nagorno-Karabakh", [], [], []), new("ukraine", "Ukraine", [], [], [])];

        public Task<IReadOnlyList<Topic>> ListAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<Topic>>(All);

        public Task<Topic?> GetAsync(string name, CancellationToken cancellationToken) => Task.FromResult(All.FirstOrDefault(t => t.Name == name));

        public Task UpsertAsync(Topic topic, CancellationToken cancellationToken) => Task.CompletedTask;

        public Task<bool> RemoveAsync(string name, CancellationToken cancellationToken) => Task.FromResult(false);
    }
}
