using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Watchbot.Core.Commands;
using Watchbot.Core.Subscriptions;
using Watchbot.Discord.Rendering;
using Watchbot.Host.Tests.Reliability.Fuzzing;
using Watchbot.Host.Tests.Support;
using Watchbot.Telegram.Receiving;
using Watchbot.Telegram.Rendering;
using Xunit.Abstractions;

namespace Watchbot.Host.Tests.Reliability;

/// <summary>
/// Fuzzes the real command router over real SQLite stores with seeded random and mutated commands, said by owners,
/// curators, chat admins, members and strangers, in groups and private chats. For each: nothing escapes, the reply
/// renders as Telegram HTML a strict parser accepts (and a valid inline keyboard) and as Discord embeds within every
/// limit with no live mention, and a command that was refused or not understood leaves every stored setting as it was.
/// CI: 5,000 commands. WATCHBOT_FUZZ_COMMANDS=100000 WATCHBOT_FUZZ_SEED=n dotnet test --filter CommandFuzzTests for more.
/// </summary>
public sealed class CommandFuzzTests(ITestOutputHelper log) : IDisposable
{
    private const int MaxFailuresShown = 20;
    private readonly BotFixture bot = new();

    private static int Commands => RunSettings.Int("WATCHBOT_FUZZ_COMMANDS", 5_000);

    private static int Seed => RunSettings.Int("WATCHBOT_FUZZ_SEED", 20201004);

    [Fact]
    public async Task No_fuzzed_command_throws_breaks_a_platforms_rules_or_changes_a_setting_without_being_valid()
    {
        await SeedAsync();
        var mutator = new CommandMutator(Seed);
        var people = new Random(Seed + 1);
        var failures = new List<string>();
        var invalid = 0;
        var changedByValid = 0;
        await using var connection = new SqliteConnection($"Data Source={bot.Store.Path};Mode=ReadOnly");
        await connection.OpenAsync();
        var clock = Stopwatch.StartNew();
        for (var n = 0; n < Commands; n++)
        {
            var text = mutator.Next();
            var incoming = Someone(people, text);
            var before = await SnapshotAsync(connection, incoming);
            CommandReply? reply;
            try
            {
                reply = await bot.Router.HandleAsync(incoming, CancellationToken.None, "WatchbotTestBot");
            }
            catch (Exception ex)
            {
                failures.Add($"#{n} {Show(text)}: {ex.GetType().Name}: {ex.Message}");
                continue;
            }

            var after = await SnapshotAsync(connection, incoming);
            var problems = ReplyProblems(reply);
            var plain = reply?.Message.ToPlainText();
            if (plain is not null && plain.Contains("failed on our side", StringComparison.Ordinal))
            {
                problems.Add("a handler threw (the router caught it)");
            }

            if (IsInvalid(text, plain))
            {
                invalid++;
                if (before != after)
                {
                    problems.Add("a refused or misunderstood command changed stored settings");
                }
            }
            else if (before != after)
            {
                changedByValid++;
            }

            if (problems.Count > 0)
            {
                failures.Add($"#{n} {Show(text)} -> {Show(plain ?? "(no reply)")}: {string.Join("; ", problems)}");
            }
        }

        log.WriteLine($"{Commands} commands (seed {Seed}) in {clock.Elapsed.TotalSeconds:0.0} s: {invalid} refused or not understood, " +
            $"{changedByValid} changed settings through a valid command, {failures.Count} failures");
        foreach (var failure in failures.Take(MaxFailuresShown))
        {
            log.WriteLine(failure);
        }

        Assert.True(failures.Count == 0, $"{failures.Count} failures, first: {failures.FirstOrDefault()}");
    }

    /// <summary>Regressions the fuzzer found: lone surrogates echoed into replies, emoji cut in half where a reply
    /// clips an echoed word, and /import throwing on a lone surrogate.</summary>
    [Theory]
    [InlineData("/help \uD800")]
    [InlineData("/filter kara\uDF36akh places=Stepanakert")]
    [InlineData("/snooze 30\uDF49")]
    [InlineData("/help xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx😀😀")]
    [InlineData("/filter x😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀 reset")]
    [InlineData("/digest x😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀 now")]
    [InlineData("/quiet 23:00-06:30 tz Europe")]
    [InlineData("/digest karabakh at 09:00 tz America")]
    [InlineData("/import {\"version\":1,\"sub\uDC92criptions\":[]}")]
    public async Task A_reply_to_a_hostile_command_is_valid_on_both_platforms_and_nothing_failed(string escaped)
    {
        var text = System.Text.RegularExpressions.Regex.Unescape(escaped);
        var reply = await bot.Router.HandleAsync(Someone(new Random(1), text) with { ChatKind = ChatKind.Private, Chat = new ChatAddress("test", "u1"), Sender = new CommandSender("test", "u1") },
            CancellationToken.None);

        Assert.NotNull(reply);
        Assert.Empty(ReplyProblems(reply));
        Assert.DoesNotContain("failed on our side", reply.Message.ToPlainText(), StringComparison.Ordinal);
    }

    /// <summary>Owners, curators, group admins, group members and strangers in a few groups and their private chats.</summary>
    private static IncomingCommand Someone(Random random, string text)
    {
        var group = new ChatAddress("test", "-100" + random.Next(8).ToString(CultureInfo.InvariantCulture));
        var user = "u" + random.Next(2_000).ToString(CultureInfo.InvariantCulture);
        return random.Next(10) switch
        {
            0 => new IncomingCommand(group, ChatKind.Group, new CommandSender("test", "owner"), false, text),
            1 => new IncomingCommand(group, ChatKind.Group, new CommandSender("test", "curator"), false, text),
            2 or 3 => new IncomingCommand(group, ChatKind.Group, new CommandSender("test", user), true, text),
            4 or 5 => new IncomingCommand(group, ChatKind.Group, new CommandSender("test", user), false, text),
            _ => new IncomingCommand(new ChatAddress("test", user), ChatKind.Private, new CommandSender("test", user), false, text),
        };
    }

    /// <summary>Refused, not a command, unknown, a usage error, rate limited: such a line must change nothing.</summary>
    private bool IsInvalid(string text, string? reply)
    {
        var parsed = CommandLine.Parse(text, "WatchbotTestBot");
        if (parsed.Outcome != ParseOutcome.Command || bot.Router.Commands.All(c => c.Name != parsed.Name) || reply is null)
        {
            return true;
        }

        return reply.Contains("Usage:", StringComparison.Ordinal)
            || reply.StartsWith("Only ", StringComparison.Ordinal)
            || reply.StartsWith("Unknown command", StringComparison.Ordinal)
            || reply.Contains("faster than I can answer", StringComparison.Ordinal)
            || reply.Contains("failed on our side", StringComparison.Ordinal);
    }

    /// <summary>Everything wrong with the reply as Telegram and Discord would receive it.</summary>
    private static List<string> ReplyProblems(CommandReply? reply)
    {
        var problems = new List<string>();
        if (reply is null)
        {
            return problems;
        }

        foreach (var part in TelegramHtmlRenderer.Render(reply.Message))
        {
            if (StrictTelegramHtml.Problem(part.Html) is { } problem)
            {
                problems.Add("Telegram: " + problem);
            }
        }

        foreach (var button in Keyboards.For(reply.Message)?.InlineKeyboard.SelectMany(r => r) ?? [])
        {
            if (string.IsNullOrWhiteSpace(button.Text) || StrictTelegramHtml.LoneSurrogate(button.Text) is not null)
            {
                problems.Add($"Telegram: a bad button label {Show(button.Text)}");
            }

            if (button.CallbackData is null || Encoding.UTF8.GetByteCount(button.CallbackData) is 0 or > 64 || StrictTelegramHtml.LoneSurrogate(button.CallbackData) is not null)
            {
                problems.Add($"Telegram: bad callback_data {Show(button.CallbackData ?? "(none)")}");
            }
        }

        foreach (var body in EmbedRenderer.Render(reply.Message))
        {
            problems.AddRange(StrictDiscordContent.Problems(body).Select(p => "Discord: " + p));
        }

        return problems;
    }

    /// <summary>Every stored setting the command could reach: the subscriptions and chat settings of the chat it was said
    /// in and of the sender's private chat, the topics, the curators, and the events.</summary>
    private static async Task<string> SnapshotAsync(SqliteConnection connection, IncomingCommand incoming)
    {
        var text = new StringBuilder();
        await DumpAsync(connection, text, "SELECT * FROM subscriptions WHERE platform = $p AND chat_id IN ($a, $b) ORDER BY id", incoming);
        await DumpAsync(connection, text, "SELECT * FROM chat_settings WHERE platform = $p AND chat_id IN ($a, $b) ORDER BY chat_id", incoming);
        await DumpAsync(connection, text, "SELECT * FROM topics ORDER BY name", incoming);
        await DumpAsync(connection, text, "SELECT * FROM curators ORDER BY user_key", incoming);
        await DumpAsync(connection, text, "SELECT id, seq, status, kind, severity, summary, date FROM events ORDER BY id", incoming);
        return text.ToString();
    }

    private static async Task DumpAsync(SqliteConnection connection, StringBuilder text, string sql, IncomingCommand incoming)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$p", incoming.Chat.Platform);
        command.Parameters.AddWithValue("$a", incoming.Chat.ChatId);
        command.Parameters.AddWithValue("$b", incoming.Sender.PrivateChat.ChatId);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                text.Append(reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)).Append('|');
            }

            text.Append('\n');
        }
    }

    /// <summary>A few events and subscriptions, so that commands about them have something to act on.</summary>
    private async Task SeedAsync()
    {
        for (var i = 0; i < 5; i++)
        {
            await bot.AddEventAsync($"Shelling reported near Stepanakert, number {i}", severity: 1 + i, places: ["Stepanakert"]);
        }

        for (var g = 0; g < 8; g++)
        {
            var group = new ChatAddress("test", "-100" + g.ToString(CultureInfo.InvariantCulture));
            await bot.Router.HandleAsync(new IncomingCommand(group, ChatKind.Group, new CommandSender("test", "owner"), true, "/subscribe karabakh"), CancellationToken.None);
        }
    }

    /// <summary>A command line for the log: escaped, and cut to a readable length.</summary>
    private static string Show(string text)
    {
        var shown = new StringBuilder();
        foreach (var c in text.Length > 80 ? text[..80] : text)
        {
            shown.Append(c < 0x20 || char.IsSurrogate(c) || c is '\u202E' or '\u200B' ? $"\\u{(int)c:X4}" : c.ToString());
        }

        return "'" + shown + (text.Length > 80 ? $"…' ({text.Length} chars)" : "'");
    }

    public void Dispose() => bot.Dispose();
}
