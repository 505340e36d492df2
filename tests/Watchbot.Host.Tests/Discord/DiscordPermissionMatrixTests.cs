using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Watchbot.Discord;
using Watchbot.Discord.Interactions;
using Watchbot.Discord.Payloads;
using Watchbot.Discord.Rest;
using Watchbot.Fakes.Discord;
using Watchbot.Host.Tests.Commands;
using Watchbot.Host.Tests.Support;
using Role = Watchbot.Host.Tests.Commands.PermissionMatrixTests.Role;

using Watchbot.Fakes;
namespace Watchbot.Host.Tests.Discord;

/// <summary>
/// The platform-neutral permission matrix (<see cref="PermissionMatrixTests.Commands"/>), each command sent as the
/// slash command Discord would send (typed options, the member's permissions from the interaction) through the real
/// interaction handler and REST client to the fake Discord, for every Discord role: a stranger and a member without
/// MANAGE_GUILD, a chat admin with MANAGE_GUILD or with ADMINISTRATOR, a curator and an owner. Only the intended roles
/// change anything; a refusal says "Only ..." and only the sender sees it.
/// </summary>
public sealed class DiscordPermissionMatrixTests : IAsyncLifetime
{
    private const string Channel = "700000000000000077";
    private const string OwnerId = "500000000000000901";
    private const string CuratorId = "500000000000000902";
    private FakeDiscord fake = null!;

    public async Task InitializeAsync() => fake = await FakeDiscord.StartAsync();

    public async Task DisposeAsync() => await fake.DisposeAsync();

    /// <summary>Discord's roles: who, the permissions their interaction carries, and the neutral role it stands for.</summary>
    private static readonly (string Name, string UserId, string Permissions, Role As)[] Roles =
    [
        ("stranger", "500000000000000903", "0", Role.Stranger),
        ("member without MANAGE_GUILD", "500000000000000904", "1024", Role.Member),
        ("chat admin with MANAGE_GUILD", "500000000000000905", "32", Role.ChatAdmin),
        ("chat admin with ADMINISTRATOR", "500000000000000906", "8", Role.ChatAdmin),
        ("curator", CuratorId, "1024", Role.Curator),
        ("owner", OwnerId, "0", Role.Owner),
    ];

    /// <summary>A neutral command line as the slash command's typed options.</summary>
    public static (string Name, List<(string Name, string Value)> Options) Slash(string line)
    {
        var words = line.Split(' ', 3);
        var name = words[0].TrimStart('/');
        var rest = line.Length > words[0].Length ? line[(words[0].Length + 1)..] : "";
        return name switch
        {
            "subscribe" or "unsubscribe" => (name, [("topic", rest)]),
            "alerts" => (name, [("topic", words[1]), ("state", words[2])]),
            "filter" when words[2].StartsWith("severity>=", StringComparison.Ordinal) => (name, [("topic", words[1]), ("severity", words[2]["severity>=".Length..])]),
            "filter" => (name, [("topic", words[1]), ("criteria", words[2])]),
            "digest" when words.Length == 3 && words[2].StartsWith("at ", StringComparison.Ordinal) => (name, [("topic", words[1]), ("time", words[2][3..])]),
            "quiet" => (name, [("hours", rest)]),
            "snooze" => (name, [("length", rest)]),
            "admin" => (name, [("action", words[1]), ("arguments", line[(words[0].Length + words[1].Length + 2)..])]),
            _ => throw new InvalidOperationException($"Add {line} to DiscordPermissionMatrixTests.Slash"),
        };
    }

    [Theory]
    [MemberData(nameof(PermissionMatrixTests.Commands), MemberType = typeof(PermissionMatrixTests))]
    public async Task Only_the_intended_discord_roles_change_anything(string command, Role lowest, string probe)
    {
        var (name, options) = Slash(command);
        foreach (var (who, userId, permissions, role) in Roles)
        {
            using var fresh = new BotFixture("discord:" + OwnerId);
            await fresh.Store.Roles.GrantCuratorAsync("discord:" + CuratorId, "discord:" + OwnerId, DateTimeOffset.UtcNow, CancellationToken.None);
            var handler = Handler(fresh);
            if (name != "subscribe")
            {
                await SendAsync(handler, "subscribe", [("topic", "karabakh")], "500000000000000905", "32");
            }

            await fresh.AddEventAsync("A strike to curate");
            var before = await PermissionMatrixTests.CountAsync(fresh, probe);

            var (line, answer) = await SendAsync(handler, name, options, userId, permissions);

            Assert.Equal(command, line);
            var allowed = PermissionMatrixTests.Allowed(lowest, role);
            var after = await PermissionMatrixTests.CountAsync(fresh, probe);
            var text = FakeInteractionAnswers.TextOf(answer);
            Assert.True(allowed == (before != after), $"{who} running {command}: '{text}' ({before} -> {after})");
            if (!allowed)
            {
                Assert.StartsWith("Only ", text, StringComparison.Ordinal);
                Assert.Equal(64, (int?)answer!["flags"]);
            }
        }
    }

    [Fact]
    public void Every_row_of_the_neutral_matrix_has_a_slash_command()
    {
        foreach (var row in PermissionMatrixTests.Commands)
        {
            var (name, options) = Slash((string)row[0]);
            Assert.True(CommandCatalog.IsValidName(name));
            Assert.NotEmpty(options);
        }
    }

    private InteractionHandler Handler(BotFixture fresh)
    {
        var options = new DiscordOptions { Token = fake.Token, ApplicationId = fake.ApplicationId, ApiBaseUrl = fake.ApiBaseUrl, DeferAfter = TimeSpan.FromSeconds(2) };
        var rest = new DiscordRestClient(Watchbot.Fakes.TestHttp.Client(), options, TimeProvider.System, NullLogger<DiscordRestClient>.Instance);
        return new InteractionHandler(fresh.Router, fresh.Store.Topics, rest, options, NullLogger<InteractionHandler>.Instance);
    }

    /// <summary>Sends the interaction Discord would send, and returns the command line it became and the answer the sender saw.</summary>
    private async Task<(string Line, System.Text.Json.Nodes.JsonNode? Answer)> SendAsync(InteractionHandler handler, string name, List<(string Name, string Value)> options,
        string userId, string permissions)
    {
        var json = fake.NewCommand(name, options, Channel, userId: userId, permissions: permissions);
        var interaction = JsonSerializer.Deserialize(json.ToJsonString(), DiscordJsonContext.Default.Interaction)!;
        await handler.HandleAsync(interaction, CancellationToken.None);
        var answers = fake.Interactions[interaction.Id];
        return (InteractionCommandText.Line(interaction.Data!), answers.Final);
    }
}
