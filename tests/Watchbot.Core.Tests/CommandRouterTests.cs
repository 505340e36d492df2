using Microsoft.Extensions.Logging.Abstractions;
using Watchbot.Core.Commands;
using Watchbot.Core.Stores;
using Watchbot.Core.Subscriptions;

using Watchbot.Fakes;
namespace Watchbot.Core.Tests;

public sealed class CommandRouterTests
{
    private sealed class FakeRoles(params string[] curators) : IRoleStore
    {
        public Task<bool> IsCuratorAsync(string userKey, CancellationToken cancellationToken) => Task.FromResult(curators.Contains(userKey));

        public Task<bool> GrantCuratorAsync(string userKey, string grantedBy, DateTimeOffset at, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<bool> RevokeCuratorAsync(string userKey, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private sealed class EchoHandler(string name, CommandAccess access) : ICommandHandler
    {
        public int Calls { get; private set; }

        public CommandSpec Spec { get; } = new(name, $"/{name}", "Echo", access);

        public Task<CommandReply> HandleAsync(CommandContext context, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(CommandReply.Text($"ran {name} with {string.Join(",", context.Args)}"));
        }
    }

    private sealed class ThrowingHandler : ICommandHandler
    {
        public CommandSpec Spec { get; } = new("boom", "/boom", "Fails", CommandAccess.Anyone);

        public Task<CommandReply> HandleAsync(CommandContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("database on fire");
    }

    private static readonly EchoHandler Anyone = new("echo", CommandAccess.Anyone);

    private static CommandRouter Router(params ICommandHandler[] handlers) => new(
        handlers.Append(Anyone).Append(new ThrowingHandler()),
        new AccessPolicy(new HashSet<string> { "telegram:1" }),
        new FakeRoles("telegram:2"),
        TimeProvider.System,
        NullLogger<CommandRouter>.Instance);

    private static IncomingCommand From(string user, string text, ChatKind kind = ChatKind.Group, bool admin = false) =>
        new(new ChatAddress("telegram", "-100"), kind, new CommandSender("telegram", user), admin, text);

    public static TheoryData<CommandAccess, string, ChatKind, bool, bool> Permissions => new()
    {
        // access, user (1 owner, 2 curator, 3 member), chat kind, platform says chat admin, allowed
        { CommandAccess.Anyone, "3", ChatKind.Group, false, true },
        { CommandAccess.ChatAdmin, "3", ChatKind.Group, false, false },
        { CommandAccess.ChatAdmin, "3", ChatKind.Group, true, true },
        { CommandAccess.ChatAdmin, "3", ChatKind.Private, false, true },
        { CommandAccess.ChatAdmin, "2", ChatKind.Group, false, false },
        { CommandAccess.ChatAdmin, "1", ChatKind.Group, false, true },
        { CommandAccess.Curator, "3", ChatKind.Group, true, false },
        { CommandAccess.Curator, "3", ChatKind.Private, false, false },
        { CommandAccess.Curator, "2", ChatKind.Group, false, true },
        { CommandAccess.Curator, "1", ChatKind.Group, false, true },
        { CommandAccess.Owner, "2", ChatKind.Private, false, false },
        { CommandAccess.Owner, "3", ChatKind.Group, true, false },
        { CommandAccess.Owner, "1", ChatKind.Group, false, true },
    };

    [Theory]
    [MemberData(nameof(Permissions))]
    public async Task Only_the_intended_roles_may_run_a_command(CommandAccess access, string user, ChatKind kind, bool chatAdmin, bool allowed)
    {
        var handler = new EchoHandler("guarded", access);

        var reply = await Router(handler).HandleAsync(From(user, "/guarded x", kind, chatAdmin), CancellationToken.None);

        Assert.Equal(allowed ? 1 : 0, handler.Calls);
        Assert.NotNull(reply);
        if (!allowed)
        {
            Assert.StartsWith("Only ", reply.Message.ToPlainText());
            Assert.True(reply.Ephemeral);
        }
    }

    [Fact]
    public async Task A_command_for_another_bot_is_ignored()
    {
        Assert.Null(await Router().HandleAsync(From("3", "/echo@OtherBot"), CancellationToken.None, "WatchBot"));
        Assert.NotNull(await Router().HandleAsync(From("3", "/echo@WatchBot"), CancellationToken.None, "WatchBot"));
    }

    [Fact]
    public async Task Plain_talk_is_ignored_in_groups_and_answered_with_a_hint_in_private()
    {
        Assert.Null(await Router().HandleAsync(From("3", "hello"), CancellationToken.None));

        var reply = await Router().HandleAsync(From("3", "hello", ChatKind.Private), CancellationToken.None);

        Assert.Contains("/help", reply!.Message.ToPlainText());
    }

    [Fact]
    public async Task An_unknown_command_points_to_help()
    {
        var reply = await Router().HandleAsync(From("3", "/frobnicate"), CancellationToken.None);

        Assert.Equal("Unknown command /frobnicate. Send /help to see the commands.", reply!.Message.ToPlainText());
    }

    [Fact]
    public async Task A_misspelt_command_gets_the_closest_one()
    {
        var reply = await Router(new EchoHandler("subscribe", CommandAccess.Anyone)).HandleAsync(From("3", "/subscibe karabakh"), CancellationToken.None);

        Assert.Equal("Unknown command /subscibe. Did you mean /subscribe? Send /help to see the commands.", reply!.Message.ToPlainText());
    }

    [Fact]
    public async Task A_failing_handler_gives_an_apology_not_an_exception()
    {
        var reply = await Router().HandleAsync(From("3", "/boom"), CancellationToken.None);

        Assert.Contains("failed on our side and changed nothing", reply!.Message.ToPlainText());
        Assert.DoesNotContain("database on fire", reply.Message.ToPlainText());
    }

    [Fact]
    public async Task A_ten_thousand_character_line_gets_a_short_reply()
    {
        var echo = new EchoHandler("long", CommandAccess.Anyone);

        var reply = await Router(echo).HandleAsync(From("3", "/long " + new string('a', 10_000)), CancellationToken.None);

        Assert.StartsWith("That command is too long", reply!.Message.ToPlainText());
        Assert.Equal(0, echo.Calls);
    }

    [Fact]
    public async Task A_flood_answered_slowly_is_counted_by_when_it_was_sent_not_when_it_is_handled()
    {
        var clock = new ManualClock(DateTimeOffset.Parse("2020-10-04T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        var router = new CommandRouter([Anyone], new AccessPolicy(new HashSet<string>()), new FakeRoles(), clock, NullLogger<CommandRouter>.Instance);
        var sent = clock.GetUtcNow();

        var replies = new List<CommandReply?>();
        for (var i = 0; i < 40; i++)
        {
            replies.Add(await router.HandleAsync(From("3", "/echo") with { SentAt = sent }, CancellationToken.None));
            clock.Advance(TimeSpan.FromSeconds(1)); // each answer takes a second to go out, as Telegram paces a chat
        }

        Assert.Equal(8, replies.Count(r => r?.Message.ToPlainText().StartsWith("ran echo", StringComparison.Ordinal) == true));
        Assert.Single(replies, r => r?.Message.ToPlainText().StartsWith("You are sending commands faster", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task A_flood_of_plain_text_and_over_long_lines_counts_against_the_sender_and_is_answered_once()
    {
        var router = Router();
        var now = DateTimeOffset.Parse("2020-10-04T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

        var replies = new List<CommandReply?>();
        for (var i = 0; i < 40; i++)
        {
            var line = i % 2 == 0 ? "hello there" : "/echo " + new string('a', 10_000);
            replies.Add(await router.HandleAsync(From("3", line, ChatKind.Private) with { SentAt = now }, CancellationToken.None));
        }

        Assert.Equal(8, replies.Count(r => r is not null && !r.Message.ToPlainText().StartsWith("You are sending", StringComparison.Ordinal)));
        Assert.Single(replies, r => r?.Message.ToPlainText().StartsWith("You are sending commands faster", StringComparison.Ordinal) == true);
        Assert.Equal(31, replies.Count(r => r is null));
        // Someone else is not slowed by it.
        Assert.NotNull(await router.HandleAsync(From("4", "/echo") with { SentAt = now }, CancellationToken.None));
    }

    [Fact]
    public async Task Plain_talk_in_a_group_costs_its_sender_nothing()
    {
        var router = Router();
        for (var i = 0; i < 40; i++)
        {
            Assert.Null(await router.HandleAsync(From("3", "just chatting"), CancellationToken.None));
        }

        Assert.StartsWith("ran echo", (await router.HandleAsync(From("3", "/echo"), CancellationToken.None))!.Message.ToPlainText(), StringComparison.Ordinal);
    }
}
