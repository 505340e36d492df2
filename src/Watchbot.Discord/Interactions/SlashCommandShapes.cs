using Watchbot.Core.Commands;
using Watchbot.Discord.Payloads;

namespace Watchbot.Discord.Interactions;

/// <summary>
/// One typed slash-command option and how its value becomes part of the router's text line: a boolean "me" adds
/// "me" when true, an integer severity adds "severity&gt;=N", a time zone adds "tz Area/City", anything else is the
/// value itself.
/// </summary>
public sealed record SlashOption(
    string Name,
    int Type,
    string Description,
    bool Required = false,
    bool Autocomplete = false,
    IReadOnlyList<string>? Choices = null,
    int? MinValue = null,
    int? MaxValue = null,
    string? Prefix = null)
{
    /// <summary>The words this option adds to the command line, or "" when it adds none.</summary>
    public string Fragment(string value)
    {
        if (value.Length == 0)
        {
            return "";
        }

        if (Type == OptionType.Boolean)
        {
            return value == "true" ? Name : "";
        }

        var words = SlashCommandShapes.IsFreeText(Name) ? value : InteractionCommandText.Quoted(value);
        return Prefix + words;
    }

    public CommandOption ToCommandOption() => new(
        Type,
        Name,
        Description,
        Required ? true : null,
        Autocomplete ? true : null,
        Choices?.Select(c => new CommandChoice(c, c)).ToList(),
        MinValue,
        MaxValue);
}

/// <summary>
/// The typed options of each command the router knows: topics as strings with autocomplete, counts and ids as
/// integers with their bounds, fixed words (on/off, now, snooze lengths, admin actions, command names) as choices,
/// and "me" as a boolean. A command missing here (a new one) falls back to a topic and one free "arguments" string.
/// </summary>
public static class SlashCommandShapes
{
    public const string Me = "me";

    private static readonly SlashOption MeOption = new(Me, OptionType.Boolean, "Your own subscription, delivered to you by DM, instead of this channel's");

    private static SlashOption Topic(bool required) =>
        new(CommandCatalog.TopicOption, OptionType.String, "The topic (start typing to see them)", required, Autocomplete: true);

    private static readonly SlashOption TimeZone = new("tz", OptionType.String, "IANA time zone, such as Europe/Berlin or Asia/Yerevan (UTC if left out)", Prefix: "tz ");

    /// <summary>The options of a command in the order their words go on the line ("me" always goes first), or null.</summary>
    public static IReadOnlyList<SlashOption>? For(CommandSpec spec, IReadOnlyList<string> commandNames) => For(spec.Name, spec.Usage, commandNames);

    /// <summary>The options of the command named <paramref name="name"/> (its usage gives /admin's actions).</summary>
    public static IReadOnlyList<SlashOption>? For(string name, string usage, IReadOnlyList<string> commandNames) => name switch
    {
        "subscribe" => [Topic(true), MeOption],
        "unsubscribe" => [Topic(true) with { Description = "The topic, or all (start typing to see them)" }, MeOption],
        "alerts" =>
        [
            Topic(true),
            new("state", OptionType.String, "Alerts on or off", Required: true, Choices: ["on", "off"]),
            new("severity", OptionType.Integer, "Alert only at this severity or above (1 to 5)", MinValue: 1, MaxValue: 5, Prefix: "severity>="),
            MeOption,
        ],
        "digest" =>
        [
            Topic(false),
            new("action", OptionType.String, "now: send it now; on/off: the daily digest; chart-on/chart-off: its chart (leave out: show)",
                Choices: ["now", "on", "off", "chart-on", "chart-off"]),
            new("time", OptionType.String, "Daily time as HH:MM, such as 08:00", Prefix: "at "),
            TimeZone,
            MeOption,
        ],
        "filter" =>
        [
            Topic(true),
            new("criteria", OptionType.String, "kinds=a,b places=A,B actors=A include=w exclude=w, or reset, or test 24h|7d"),
            new("severity", OptionType.Integer, "Let through only this severity or above (1 to 5)", MinValue: 1, MaxValue: 5, Prefix: "severity>="),
            MeOption,
        ],
        "quiet" =>
        [
            new("hours", OptionType.String, "Quiet hours as HH:MM-HH:MM, such as 22:00-07:00, or off", Required: true),
            TimeZone,
            MeOption,
        ],
        "snooze" =>
        [
            new("length", OptionType.String, "How long to hold alerts, or off", Required: true, Choices: ["30m", "1h", "2h", "4h", "8h", "12h", "1d", "2d", "7d", "14d", "off"]),
            MeOption,
        ],
        "latest" =>
        [
            Topic(false),
            new("count", OptionType.Integer, "How many events (5 unless you say)", MinValue: 1, MaxValue: 20),
        ],
        "event" => [new("id", OptionType.Integer, "The event's id", Required: true, MinValue: 1)],
        "help" => [new("command", OptionType.String, "One command to explain", Choices: commandNames.Take(25).ToList())],
        "export" => [MeOption],
        "import" => [new("json", OptionType.String, "The JSON that /export gave", Required: true), MeOption],
        "admin" =>
        [
            new("action", OptionType.String, "What to do", Required: true, Choices: AdminActions(usage)),
            new(CommandCatalog.ArgumentsOption, OptionType.String, "The rest, as /help admin shows"),
        ],
        "start" or "topics" or "status" or "subscriptions" => [],
        _ => null,
    };

    /// <summary>"/admin &lt;a|b|c&gt; ..." gives a, b and c.</summary>
    private static List<string> AdminActions(string usage)
    {
        var start = usage.IndexOf('<', StringComparison.Ordinal);
        var end = usage.IndexOf('>', StringComparison.Ordinal);
        return start < 0 || end <= start
            ? []
            : usage[(start + 1)..end].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(25).ToList();
    }

    /// <summary>Options whose text goes on the line as typed, spaces and all, for the router to split.</summary>
    public static bool IsFreeText(string option) => option is CommandCatalog.ArgumentsOption or "criteria" or "json";
}
