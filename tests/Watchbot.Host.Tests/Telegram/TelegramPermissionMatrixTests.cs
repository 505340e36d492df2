using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Watchbot.Fakes.Telegram;
using Watchbot.Host.Tests.Commands;
using Watchbot.Host.Tests.Support;
using Role = Watchbot.Host.Tests.Commands.PermissionMatrixTests.Role;

using Watchbot.Fakes;
namespace Watchbot.Host.Tests.Telegram;

/// <summary>
/// The permission matrix again, this time through Telegram itself: updates from a supergroup, chat-admin status from
/// getChatMember on the fake Bot API, owners and curators by their telegram ids. Every command that changes something,
/// for every role; only the intended roles change anything, and every refusal is a reply that says why.
/// </summary>
public sealed partial class TelegramPermissionMatrixTests : IAsyncLifetime
{
    private const long FirstGroup = -1005550001000;
    private const long Owner = 901, Curator = 902, ChatAdmin = 903, Member = 904, Stranger = 905;

    private readonly TempFolder temp = new();
    private FakeBotApiServer fake = null!;

    public async Task InitializeAsync()
    {
        fake = await FakeBotApiServer.StartAsync();
        for (var row = 0; row < PermissionMatrixTests.Commands.Count; row++)
        {
            var group = FirstGroup - 1 - row;
            fake.SetMemberStatus(group, Owner, "member");
            fake.SetMemberStatus(group, Curator, "member");
            fake.SetMemberStatus(group, ChatAdmin, "administrator");
            fake.SetMemberStatus(group, Member, "member");
            fake.SetMemberStatus(group, Stranger, "left");
        }
    }

    public async Task DisposeAsync()
    {
        await fake.DisposeAsync();
        SqliteConnection.ClearAllPools();
        temp.Dispose();
    }

    private static long UserOf(Role role) => role switch
    {
        Role.Owner => Owner,
        Role.Curator => Curator,
        Role.ChatAdmin => ChatAdmin,
        Role.Member => Member,
        _ => Stranger,
    };

    private static bool Allowed(Role lowest, Role role) => lowest switch
    {
        Role.ChatAdmin => role is Role.ChatAdmin or Role.Owner,
        Role.Curator => role is Role.Curator or Role.Owner,
        _ => role == Role.Owner,
    };

    [Theory]
    [InlineData(Role.Stranger)]
    [InlineData(Role.Member)]
    [InlineData(Role.ChatAdmin)]
    [InlineData(Role.Curator)]
    [InlineData(Role.Owner)]
    public async Task Every_changing_command_sent_in_a_telegram_group_succeeds_only_for_the_intended_roles(Role role)
    {
        var db = temp.File($"{role}.db");
        await using var bot = await TelegramBot.StartAsync(db, fake, settings =>
        {
            settings["Watchbot:Owners:0"] = $"telegram:{Owner}";
            settings["Watchbot:Digest:RecapOnSubscribe"] = "false"; // one reply a command, so each reply is the command's own
            settings["Watchbot:Commands:Burst"] = "100"; // the role sends every command in a few seconds; flood control is tested elsewhere
        });
        await bot.Get<Watchbot.Core.Stores.IRoleStore>().GrantCuratorAsync($"telegram:{Curator}", $"telegram:{Owner}", DateTimeOffset.UtcNow, CancellationToken.None);

        // Each command in a group of its own: a fresh chat, and Telegram's 20 messages a minute per group stay far off.
        var group = FirstGroup;
        foreach (var row in PermissionMatrixTests.Commands)
        {
            var (template, lowest, probe) = ((string)row[0], (Role)row[1], (string)row[2]);
            group--;
            await SayAsync(group, Owner, template.StartsWith("/subscribe", StringComparison.Ordinal) ? "/unsubscribe all" : "/subscribe karabakh");
            var arranged = await bot.AddEventAsync("A strike to curate");
            var command = EventId().Replace(template.Replace("test:member", $"telegram:{Member}", StringComparison.Ordinal), m => $"{m.Groups[1].Value} {arranged.Id}");
            var before = await DbProbe.ScalarAsync(db, probe);

            var reply = await SayAsync(group, UserOf(role), command);

            var after = await DbProbe.ScalarAsync(db, probe);
            var allowed = Allowed(lowest, role);
            Assert.True(allowed == (before != after), $"{role} running {command}: '{reply}' ({before} -> {after})");
            if (!allowed)
            {
                Assert.StartsWith("Only ", reply);
            }
        }
    }

    /// <summary>Sends a command in the group and returns the bot's reply to it (bounded wait).</summary>
    private async Task<string> SayAsync(long group, long user, string text)
    {
        var count = fake.SentTo(group).Count;
        fake.EnqueueText(group, user, text, "supergroup");
        Assert.True(await fake.WaitUntilAsync(f => f.SentTo(group).Count > count, TelegramBot.Patience), $"no reply to {text} from {user}");
        return fake.SentTo(group)[count].Text;
    }

    [GeneratedRegex(@"\b(approve|reject|edit) 1\b")]
    private static partial Regex EventId();
}
