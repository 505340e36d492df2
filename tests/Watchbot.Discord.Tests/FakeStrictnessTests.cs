using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Watchbot.Fakes.Discord;

namespace Watchbot.Discord.Tests;

/// <summary>The fake refuses what Discord refuses, so the client's tests mean something: command registrations
/// against Discord's rules, and on the gateway a second identify, a send flood and a missed heartbeat.</summary>
public sealed class FakeStrictnessTests : IAsyncLifetime
{
    private FakeDiscord fake = null!;

    public async Task InitializeAsync() => fake = await FakeDiscord.StartAsync();

    public async Task DisposeAsync() => await fake.DisposeAsync();

    private static JsonObject Command(string name = "topics", string description = "List the topics", JsonArray? options = null) =>
        new() { ["name"] = name, ["description"] = description, ["type"] = 1, ["options"] = options ?? [] };

    private static JsonObject Option(string name, bool required = false, JsonArray? choices = null, bool autocomplete = false) =>
        new() { ["type"] = 3, ["name"] = name, ["description"] = "an option", ["required"] = required, ["choices"] = choices, ["autocomplete"] = autocomplete };

    public static TheoryData<string, JsonObject> Refused => new()
    {
        { "upper-case name", Command(name: "Topics") },
        { "space in name", Command(name: "my topics") },
        { "33-character name", Command(name: new string('a', 33)) },
        { "empty description", Command(description: "") },
        { "101-character description", Command(description: new string('d', 101)) },
        { "26 options", Command(options: new JsonArray(Enumerable.Range(0, 26).Select(i => (JsonNode)Option("o" + i)).ToArray())) },
        { "required after optional", Command(options: [Option("a"), Option("b", required: true)]) },
        { "26 choices", Command(options: [Option("a", choices: new JsonArray(Enumerable.Range(0, 26).Select(i => (JsonNode)new JsonObject { ["name"] = "c" + i, ["value"] = "c" + i }).ToArray()))]) },
        { "choices with autocomplete", Command(options: [Option("a", choices: [new JsonObject { ["name"] = "x", ["value"] = "x" }], autocomplete: true)]) },
        { "over 8,000 characters", Command(options: new JsonArray(Enumerable.Range(0, 25).Select(i => (JsonNode)Option("o" + i,
            choices: new JsonArray(Enumerable.Range(0, 25).Select(c => (JsonNode)new JsonObject { ["name"] = "choice" + c, ["value"] = new string('v', 20) }).ToArray()))).ToArray())) },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void A_command_registration_Discord_refuses_is_refused(string why, JsonObject command)
    {
        Assert.True(FakeCommandRules.Violations(new JsonArray(command)).Count > 0, "accepted a command with " + why);
    }

    [Fact]
    public void A_command_within_every_rule_is_accepted()
    {
        Assert.Empty(FakeCommandRules.Violations(new JsonArray(Command(options: [Option("topic", required: true), Option("when")]))));
    }

    private async Task<ClientWebSocket> ConnectAsync()
    {
        var socket = new ClientWebSocket();
        await socket.ConnectAsync(new Uri(fake.GatewayUrl + "?v=10&encoding=json"), CancellationToken.None);
        return socket;
    }

    private static Task SendAsync(ClientWebSocket socket, JsonObject frame) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(frame.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>Reads until the fake closes the socket; its close code.</summary>
    private static async Task<int?> ClosedWithAsync(ClientWebSocket socket)
    {
        var buffer = new byte[64 * 1024];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return (int?)result.CloseStatus;
            }
        }
    }

    private JsonObject Identify(int shard = 0, int shards = 1) => new()
    {
        ["op"] = 2, ["d"] = new JsonObject { ["token"] = fake.Token, ["intents"] = 1, ["properties"] = new JsonObject(), ["shard"] = new JsonArray(shard, shards) },
    };

    /// <summary>Reads frames until one with this op arrives (or the socket closes: null).</summary>
    private static async Task<JsonNode?> ReceiveOpAsync(ClientWebSocket socket, int op)
    {
        var buffer = new byte[64 * 1024];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var text = new StringBuilder();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, timeout.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
            }
            while (!result.EndOfMessage);

            var frame = JsonNode.Parse(text.ToString())!;
            if ((int?)frame["op"] == op)
            {
                return frame;
            }
        }
    }

    [Fact]
    public async Task An_identify_within_the_window_of_another_with_the_same_rate_limit_key_gets_an_invalid_session()
    {
        Assert.Equal(TimeSpan.FromSeconds(5), fake.IdentifyWindow);
        using var first = await ConnectAsync();
        await SendAsync(first, Identify());
        Assert.Equal("READY", (string?)(await ReceiveOpAsync(first, 0))?["t"]);

        using var second = await ConnectAsync();
        await SendAsync(second, Identify());

        var refused = await ReceiveOpAsync(second, 9);
        Assert.False((bool?)refused?["d"]);
        Assert.Equal(1, fake.IdentifyLimits.TooFast);
        Assert.Equal(998, fake.SessionStartRemaining);
    }

    [Fact]
    public async Task Max_concurrency_lets_shards_with_different_keys_identify_in_one_window_but_not_two_with_the_same_key()
    {
        fake.MaxConcurrency = 2;
        var frames = new List<JsonNode?>();
        foreach (var shard in new[] { 0, 1, 2 })
        {
            var socket = await ConnectAsync();
            await SendAsync(socket, Identify(shard, 4));
            frames.Add(await ReceiveOpAsync(socket, shard < 2 ? 0 : 9));
            socket.Abort();
            socket.Dispose();
        }

        Assert.Equal("READY", (string?)frames[0]?["t"]);
        Assert.Equal("READY", (string?)frames[1]?["t"]);
        Assert.Equal(9, (int?)frames[2]?["op"]);
        Assert.Equal(1, fake.IdentifyLimits.TooFast);
    }

    [Fact]
    public async Task A_shorter_identify_window_set_by_a_test_is_kept()
    {
        fake.IdentifyWindow = TimeSpan.FromMilliseconds(200);
        using var first = await ConnectAsync();
        await SendAsync(first, Identify());
        Assert.NotNull(await ReceiveOpAsync(first, 0));
        await Task.Delay(300);

        using var second = await ConnectAsync();
        await SendAsync(second, Identify());

        Assert.Equal("READY", (string?)(await ReceiveOpAsync(second, 0))?["t"]);
        Assert.Equal(0, fake.IdentifyLimits.TooFast);
    }

    [Fact]
    public async Task An_identify_with_no_session_starts_left_ends_the_session_and_resets_the_token()
    {
        fake.SessionStartRemaining = 0;
        using var socket = await ConnectAsync();

        await SendAsync(socket, Identify());

        Assert.Equal(4004, await ClosedWithAsync(socket));
        Assert.Equal(1, fake.IdentifyLimits.OverTheDailyLimit);
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, fake.ApiBaseUrl + "/gateway/bot");
        request.Headers.TryAddWithoutValidation("Authorization", "Bot " + fake.Token);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await http.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Session_starts_come_back_to_the_total_when_reset_after_has_passed()
    {
        fake.SessionStartRemaining = 0;
        fake.SessionStartResetAfterMs = 200;
        Assert.InRange(fake.SessionStartResetAfterMs, 1, 200);

        Assert.True(await fake.WaitUntilAsync(() => fake.SessionStartRemaining == 1000, TimeSpan.FromSeconds(5)));
        using var socket = await ConnectAsync();
        await SendAsync(socket, Identify());
        Assert.Equal("READY", (string?)(await ReceiveOpAsync(socket, 0))?["t"]);
    }

    [Fact]
    public async Task A_second_identify_on_one_connection_is_closed_with_4005()
    {
        using var socket = await ConnectAsync();

        await SendAsync(socket, Identify());
        await SendAsync(socket, Identify());

        Assert.Equal(4005, await ClosedWithAsync(socket));
    }

    [Fact]
    public async Task More_than_120_sends_in_a_minute_are_closed_with_4008()
    {
        using var socket = await ConnectAsync();

        for (var i = 0; i < 121 && socket.State == WebSocketState.Open; i++)
        {
            await SendAsync(socket, new JsonObject { ["op"] = 1, ["d"] = null });
        }

        Assert.Equal(4008, await ClosedWithAsync(socket));
    }

    [Fact]
    public async Task A_connection_without_heartbeats_is_closed_with_4009()
    {
        fake.HeartbeatIntervalMs = 100;
        fake.HeartbeatGrace = TimeSpan.FromMilliseconds(100);
        using var socket = await ConnectAsync();

        Assert.Equal(4009, await ClosedWithAsync(socket));
    }

    [Fact]
    public async Task Every_identify_counts_against_the_session_start_limit()
    {
        var before = fake.SessionStartRemaining;
        using var socket = await ConnectAsync();

        await SendAsync(socket, Identify());

        Assert.True(await fake.WaitUntilAsync(() => fake.SessionStartRemaining == before - 1));
    }
}
