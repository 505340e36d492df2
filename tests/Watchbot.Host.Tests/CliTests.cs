using Watchbot.Host.Tests.Support;

using Watchbot.Fakes;
namespace Watchbot.Host.Tests;

/// <summary>The `watchbot` program as a newcomer uses it: real process, real SQLite file.</summary>
public sealed class CliTests : IDisposable
{
    private readonly TempFolder temp = new();

    private string Db => temp.File("watchbot.db");

    private Task<ProcessResult> Run(string? input, params string[] args) =>
        WatchbotProcess.RunAsync(args.Concat(["--db", Db]), input);

    [Fact]
    public async Task A_hand_entered_event_reaches_the_digest_of_a_piped_chat()
    {
        var added = await Run(null, "events", "add", "--topic", "karabakh", "--kind", "escalation", "--date", "2020-10-04",
            "--summary", "Rocket fire struck residential streets of Stepanakert", "--place", "Stepanakert", "--severity", "4",
            "--source-url", "https://example.org/report");
        Assert.True(added.ExitCode == 0, added.Error);

        var chat = await Run("/subscribe karabakh\n/digest now\n", "chat");

        Assert.Equal(0, chat.ExitCode);
        Assert.Contains("You now follow karabakh", chat.Output);
        Assert.Contains("--- digest ---", chat.Output);
        Assert.Contains("Karabakh digest", chat.Output);
        Assert.Contains("Escalations", chat.Output);
        Assert.Contains("Stepanakert: Rocket fire struck residential streets of Stepanakert", chat.Output);
        Assert.Contains("https://example.org/report", chat.Output);
    }

    [Fact]
    public async Task The_chart_verb_draws_the_sample_articles_tallies_as_a_png_beside_the_database_and_says_when_there_is_nothing_to_draw()
    {
        var ingested = await Run(null, "ingest", Path.Combine(AppContext.BaseDirectory, "samples", "articles"));
        Assert.True(ingested.ExitCode == 0, ingested.Error);

        var drawn = await Run(null, "chart", "karabakh", "--date", "2020-10-14");
        var nothing = await Run(null, "chart", "karabakh", "--date", "2019-06-01");

        Assert.True(drawn.ExitCode == 0, drawn.Error);
        var path = drawn.Output.Split('\n')[0].Trim();
        Assert.Equal(temp.File("charts"), Path.GetDirectoryName(path));
        Assert.Equal((800, 450), Watchbot.Fakes.PngHeader.Read(await File.ReadAllBytesAsync(path)));
        Assert.Contains("559 Artsakh military killed, per Artsakh", drawn.Output);
        Assert.Equal(0, nothing.ExitCode);
        Assert.Contains("Nothing to draw", nothing.Output);
    }

    [Fact]
    public async Task A_second_digest_now_holds_only_what_is_new()
    {
        await Run(null, "events", "add", "--topic", "karabakh", "--kind", "ceasefire", "--date", "2020-10-10", "--summary", "A humanitarian truce was agreed in Moscow", "--stance", "agreement");
        await Run("/subscribe karabakh\n/digest now\n", "chat");
        await Run(null, "events", "add", "--topic", "karabakh", "--kind", "displacement", "--date", "2020-10-11", "--summary", "Thousands fled toward Goris");

        var chat = await Run("/digest now\n", "chat");

        Assert.Contains("Thousands fled toward Goris", chat.Output);
        Assert.DoesNotContain("humanitarian truce", chat.Output);
    }

    [Fact]
    public async Task Events_can_be_listed_shown_and_exported_as_json_lines()
    {
        await Run(null, "events", "add", "--topic", "karabakh", "--kind", "escalation", "--date", "2020-10-04", "--summary", "Shelling of Terter", "--place", "Terter");
        await Run(null, "events", "add", "--topic", "karabakh", "--kind", "casualties", "--date", "2020-10-05", "--summary", "Two civilians were killed in Ganja");

        var list = await Run(null, "events", "list", "--since", "1");
        var show = await Run(null, "events", "show", "1");
        var export = await Run(null, "events", "export", "--format", "jsonl");

        Assert.DoesNotContain("Shelling of Terter", list.Output);
        Assert.Contains("Two civilians were killed in Ganja", list.Output);
        Assert.Contains("Summary: Shelling of Terter", show.Output);
        var lines = export.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.DoesNotContain("\\u002B", export.Output);
        Assert.Contains("+00:00\"", export.Output);
        using var json = System.Text.Json.JsonDocument.Parse(lines[0]);
        Assert.Equal("escalation", json.RootElement.GetProperty("kind").GetString());
        Assert.Equal("2020-10-04", json.RootElement.GetProperty("date").GetString());
        Assert.Equal("Terter", json.RootElement.GetProperty("places")[0].GetString());
        foreach (var field in new[] { "id", "seq", "status", "dateEnd", "datePrecision", "topics", "actors", "severity", "stance", "claimedBy", "summary", "casualties", "sources" })
        {
            Assert.True(json.RootElement.TryGetProperty(field, out _), field);
        }
    }

    [Fact]
    public async Task Migrate_applies_the_schema_and_exits()
    {
        var result = await Run(null, "migrate");

        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(Db));
    }

    [Theory]
    [InlineData("watchbot has no verb or argument 'frobnicate'", "frobnicate")]
    [InlineData("Option '--summary' is required; `watchbot events add --help`", "events", "add", "--topic", "karabakh", "--kind", "escalation", "--date", "2020-10-04")]
    [InlineData("watchbot has no option '--no-such-option'", "--no-such-option")]
    [InlineData("'abc' is not an event id", "events", "show", "abc")]
    [InlineData("'high' is not a severity; use a number from 1 (minor) to 5 (grave)", "events", "add", "--topic", "karabakh", "--kind", "escalation", "--date", "2020-10-04", "--summary", "Shelling", "--severity", "high")]
    public async Task Unknown_verbs_and_bad_options_fail_with_one_sentence_and_exit_code_2(string message, params string[] args)
    {
        var result = await Run(null, args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(message, result.Error.Trim());
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.DoesNotContain("System.", result.Error);
    }

    [Theory]
    [InlineData("--place", "Atlantis", "'Atlantis' is not a place of karabakh")]
    [InlineData("--actor", "Mars", "'Mars' is not an actor of karabakh")]
    public async Task A_hand_entered_event_names_only_places_and_actors_of_its_topic(string option, string value, string message)
    {
        var result = await Run(null, "events", "add", "--topic", "karabakh", "--kind", "escalation", "--date", "2020-10-04", "--summary", "Shelling", option, value);
        var list = await Run(null, "events", "list");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.Contains("No events.", list.Output);
    }

    [Fact]
    public async Task A_hand_entered_event_is_stored_under_the_canonical_names_and_a_future_one_waits_for_review()
    {
        var added = await Run(null, "events", "add", "--topic", "karabakh", "--kind", "escalation", "--date", "2020-10-04", "--summary", "Shelling", "--place", "Shushi", "--actor", "Baku");
        var future = await Run(null, "events", "add", "--topic", "karabakh", "--kind", "escalation", "--date", "2030-01-01", "--summary", "Shelling later");
        var first = await Run(null, "events", "show", "1");
        var list = await Run(null, "events", "list");

        Assert.True(added.ExitCode == 0, added.Error);
        Assert.Contains("places: Shusha; actors: Azerbaijan", first.Output);
        Assert.Contains("Held event #2 for review", future.Output);
        Assert.Contains("2030-01-01\tescalation\tpending", list.Output);
    }

    [Fact]
    public async Task A_backup_into_a_missing_folder_is_refused_with_one_sentence()
    {
        var result = await Run(null, "backup", temp.File("missing/folder/bk.db"));

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"The folder {temp.File("missing/folder")} does not exist", result.Error.Trim());
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Theory]
    [InlineData("--kind", "skirmish", "--kind 'skirmish' is not a kind")]
    [InlineData("--date", "04/10/2020", "--date '04/10/2020' is not a date")]
    [InlineData("--topic", "ukrane", "There is no topic 'ukrane'")]
    [InlineData("--severity", "9", "--severity must be a number from 1")]
    [InlineData("--source-url", "javascript:alert(1)", "is not an http or https address")]
    public async Task A_bad_event_is_refused_with_one_clear_sentence_and_nothing_is_stored(string option, string value, string message)
    {
        var args = new Dictionary<string, string>
        {
            ["--topic"] = "karabakh", ["--kind"] = "escalation", ["--date"] = "2020-10-04", ["--summary"] = "Shelling", [option] = value,
        };

        var result = await Run(null, ["events", "add", .. args.SelectMany(a => new[] { a.Key, a.Value })]);
        var list = await Run(null, "events", "list");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
        Assert.Contains("No events.", list.Output);
    }

    [Fact]
    public async Task A_database_in_a_missing_folder_is_refused_with_the_fix()
    {
        var result = await WatchbotProcess.RunAsync(["migrate", "--db", temp.File("nowhere/watchbot.db")]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nowhere", result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task A_corrupt_database_is_refused_and_left_untouched()
    {
        var bytes = new byte[8192];
        new Random(7).NextBytes(bytes);
        await File.WriteAllBytesAsync(Db, bytes);

        var result = await Run("/topics\n", "chat");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not a SQLite database", result.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(Db));
    }

    [Fact]
    public async Task A_database_with_a_valid_header_and_garbage_inside_is_refused_at_start_and_left_untouched()
    {
        await Run(null, "migrate");
        var bytes = await File.ReadAllBytesAsync(Db);
        new Random(7).NextBytes(bytes.AsSpan(4096));
        await File.WriteAllBytesAsync(Db, bytes);

        var chat = await Run("/status\n", "chat");
        var migrate = await Run(null, "migrate");

        foreach (var result in new[] { chat, migrate })
        {
            Assert.Equal(2, result.ExitCode);
            Assert.StartsWith($"The database '{Db}' is damaged", result.Error.Trim());
            Assert.Single(result.Error.Trim().Split('\n'));
        }

        Assert.Equal(bytes, await File.ReadAllBytesAsync(Db));
    }

    [Theory]
    [InlineData("Watchbot__Schedule__PollInterval", "soon", "Watchbot:Schedule:PollInterval is 'soon'")]
    [InlineData("Watchbot__Schedule__PollInterval", "-00:01:00", "Watchbot:Schedule:PollInterval is -00:01:00")]
    [InlineData("Watchbot__Delivery__MaxAttempts", "many", "Watchbot:Delivery:MaxAttempts is 'many'")]
    [InlineData("Watchbot__Digest__DefaultTimeZone", "Mars/Olympus", "not a time zone")]
    [InlineData("Watchbot__Digest__BatchSize", "0", "Watchbot:Digest:BatchSize is 0; it must be between 1 and 100000")]
    [InlineData("Watchbot__Owners__0", "root", "telegram:<id>")]
    [InlineData("Watchbot__Commands__Burst", "0", "Watchbot:Commands:Burst must be between 1 and 1000")]
    [InlineData("Watchbot__Commands__RefillEvery", "00:00:00", "Watchbot:Commands:RefillEvery is 00:00:00")]
    public async Task A_bad_setting_stops_the_program_with_the_setting_and_the_fix(string key, string value, string message)
    {
        var result = await WatchbotProcess.RunAsync(["migrate", "--db", Db], environment: new Dictionary<string, string> { [key] = value });

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Error);
    }

    [Theory]
    [InlineData("Watchbot__Sources__0__Path", "no/such/folder", "Watchbot:Sources:0:Path is 'no/such/folder', but ")]
    [InlineData("Watchbot__Ingest__ConfigDirectory", "no-config-here", "Watchbot:Ingest:ConfigDirectory is 'no-config-here', but ")]
    public async Task A_setting_that_points_nowhere_is_refused_at_start(string key, string value, string message)
    {
        var result = await WatchbotProcess.RunAsync(["migrate", "--db", Db], environment: new Dictionary<string, string> { [key] = value });

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(message, result.Error.Trim());
        Assert.False(File.Exists(Db));
    }

    [Fact]
    public async Task A_misspelt_setting_is_named_with_the_closest_real_one()
    {
        var result = await WatchbotProcess.RunAsync(["migrate", "--db", Db], environment: new Dictionary<string, string> { ["Watchbot__Shedule__PollInterval"] = "00:05:00" });

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Warning: Watchbot:Shedule is not a setting Watchbot knows (did you mean Watchbot:Schedule?); it is ignored.", result.Error);
    }

    [Fact]
    public async Task The_console_chat_speaks_of_one_person_and_keeps_log_lines_off_the_prompt()
    {
        var result = await Run("/subscribe karabakh\n/subscriptions\n/status\n/filter sahel kinds=escalation\n/subscibe sahel\n", "chat");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("You follow:", result.Output);
        Assert.DoesNotContain("delivered to your private chat", result.Output);
        Assert.Contains("alerts checked up to event change", result.Output);
        Assert.Contains("You do not follow 'sahel'. You follow karabakh.", result.Output);
        Assert.Contains("Did you mean /subscribe?", result.Output);
        Assert.DoesNotContain("info:", result.Output + result.Error);
    }

    [Fact]
    public async Task Piped_chat_input_from_someone_who_is_not_an_owner_is_answered_line_by_line_none_dropped()
    {
        var input = string.Concat(Enumerable.Repeat("/topics\n", 12)) + "/subscriptions\n";

        var result = await WatchbotProcess.RunAsync(["chat", "--db", Db], input, new Dictionary<string, string> { ["Watchbot__Owners__0"] = "telegram:1" });

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(12, result.Output.Split("karabakh:").Length - 1);
        Assert.Contains("You follow no topics yourself.", result.Output);
        Assert.DoesNotContain("faster than I can answer", result.Output);
    }

    [Fact]
    public async Task Hostile_and_empty_chat_lines_get_short_replies_and_change_nothing()
    {
        var input = string.Join('\n',
            "",
            "/subscribe " + new string('k', 10_000),
            "/subscribe <b>karabakh</b>",
            "/subscribe @everyone",
            "/unsubscribe\u0000 all",
            "/digest karabakh at 25:99",
            "hello bot",
            "/subscriptions") + "\n";

        var result = await Run(input, "chat");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("That command is too long", result.Output);
        Assert.Contains("There is no topic '<b>karabakh</b>'", result.Output);
        Assert.Contains("I only understand commands", result.Output);
        Assert.Contains("You follow no topics yourself.", result.Output);
        Assert.DoesNotContain("now follow", result.Output);
    }

    public void Dispose() => temp.Dispose();
}
