using System.Text;

namespace Watchbot.Host.Tests.Reliability.Fuzzing;

/// <summary>
/// Seeded command lines for fuzzing the router: valid commands from every handler, mutated by inserting hostile
/// pieces (lone surrogates, emoji, bidi marks, zero-width and control characters, HTML and Markdown, mentions,
/// numbers and times at their limits, bad zones), by huge arguments, by cutting, repeating and swapping words,
/// or replaced by random text altogether.
/// </summary>
public sealed class CommandMutator(int seed)
{
    public static readonly string[] Valid =
    [
        "/start", "/help", "/help subscribe", "/help filter", "/topics", "/subscribe karabakh", "/subscribe karabakh me",
        "/unsubscribe karabakh", "/unsubscribe all", "/subscriptions", "/digest now", "/digest karabakh now", "/digest karabakh",
        "/digest karabakh at 09:30", "/digest karabakh at 21:15 tz Asia/Yerevan", "/digest karabakh off", "/digest karabakh on",
        "/filter karabakh", "/filter karabakh kinds=escalation,casualty", "/filter karabakh kinds+=ceasefire", "/filter karabakh kinds-=displacement",
        "/filter karabakh severity>=3", "/filter karabakh places=Stepanakert,Shusha", "/filter karabakh actors=Armenia",
        "/filter karabakh include=drone exclude=football", "/filter karabakh reset", "/filter karabakh test 24h", "/filter karabakh test 7d",
        "/alerts karabakh on", "/alerts karabakh on severity>=4", "/alerts karabakh off", "/quiet 22:00-07:00", "/quiet 23:00-06:30 tz Europe/Berlin",
        "/quiet off", "/snooze 8h", "/snooze 30m", "/snooze off", "/latest", "/latest karabakh 5", "/event 1", "/status", "/export",
        "/import {\"version\":1,\"subscriptions\":[{\"topic\":\"karabakh\",\"digest\":{\"time\":\"08:00\",\"timeZone\":\"UTC\",\"enabled\":true}}]}",
        "/admin review", "/admin approve 1", "/admin reject 2", "/admin edit 1 severity=5", "/admin edit 1 summary=\"Shelling of Martuni\"",
        "/admin merge 1 2", "/admin event 1", "/admin audit", "/admin topic add caucasus \"The South Caucasus\"", "/admin topic list",
        "/admin event add karabakh escalation 2020-10-04 \"Shelling of Martuni\"", "/admin grant test:member curator",
        "/admin revoke test:member curator", "/subscribe@WatchbotTestBot karabakh", "/digest@OtherBot now",
    ];

    private static readonly string[] Hostile =
    [
        "\uD800", "\uDC00", "\uDBFF", "x\uD83D", "\uDE00y", "🇦🇲", "🇦🇿", "👨‍👩‍👧‍👦", "😀", "𝕳𝖊𝖑𝖑𝖔", "\u202E", "\u202D", "\u200F", "\u200E", "\u2066", "\u200B",
        "\u200D", "\uFEFF", "\u00AD", "\u0000", "\u0007", "\u0008", "\u001B[31m", "\r", "\r\n", "\n", "\t", "\u0085", "\u2028", "\u2029", "\u007F",
        "\u0301", "e\u0301\u0301\u0301\u0301", "ﷺ", "\uFFFD", "\uFFFF", "<b>", "</b>", "<b>bold</b>", "<i>", "<a href=\"javascript:alert(1)\">x</a>",
        "<script>alert(1)</script>", "&", "&amp;", "&lt;", "&#0;", "&#xD800;", "&bogus;", "<", ">", "\"", "'", "<tg-spoiler>", "<pre>", "<code",
        "**bold**", "__u__", "*", "_", "~~s~~", "`", "```", "||spoiler||", "> quote", "# heading", "[link](http://example.org)",
        "[x](javascript:alert(1))", "\\", "\\@everyone", "@everyone", "@here", "<@123>", "<@!123456789012345678>", "<@&456>", "<#789>",
        "<:emoji:123>", "@", "me", "all", "now", "off", "on", "at", "tz", "2147483647", "-2147483648", "2147483648", "-1", "0", "-0",
        "9223372036854775807", "-9223372036854775809", "99999999999999999999999", "1e309", "-1e309", "NaN", "Infinity", "0x7FFFFFFF",
        "١٢٣", "５", "3.5", "1,000", "25:61", "23:59", "24:00", "00:00", "99:99", "-01:00", "9:5", "23:59:59.9999999", "00:00-00:00",
        "22:00-", "-07:00", "Mars/Olympus", "../../etc/passwd", "UTC+14", "Etc/GMT-14", "Etc/GMT+12", "Asia/Yerevan", "America/Argentina/ComodRivadavia",
        "EST5EDT", "Z", "tz", "8760000h", "-5h", "1e309h", "0h", "0m", "9999999999d", "2147483647h", "1h1h", "severity>=2147483647", "severity>=-1",
        "severity>=1e309", "kinds=", "kinds=,,,", "kinds+=nonsense", "places=" + new string(',', 50), "include=", "exclude=\"\"",
        "karabakh", "KARABAKH", "karabakh\u200B", "karabaкh", "caucasus", "9999-12-31", "0001-01-01", "2020-02-30", "test:owner",
        "telegram:1", "discord:1", "console:local", "curator", "owner", "{", "}", "[]", "{\"version\":2147483647}", "null", "\"\"",
        "{\"subscriptions\":[{\"topic\":\"karabakh\",\"filter\":{\"minSeverity\":2147483647}}]}",
    ];

    private readonly Random random = new(seed);

    /// <summary>The next command line: a mutated valid one most of the time, sometimes pure noise.</summary>
    public string Next()
    {
        var roll = random.Next(100);
        if (roll < 8)
        {
            return Noise(random.Next(1, 200));
        }

        var line = Valid[random.Next(Valid.Length)];
        if (roll < 15)
        {
            return line;
        }

        var mutations = 1 + random.Next(3);
        for (var i = 0; i < mutations; i++)
        {
            line = Mutate(line);
        }

        return line;
    }

    private string Mutate(string line)
    {
        var words = line.Split(' ').ToList();
        switch (random.Next(13))
        {
            case 12:
                // A word of emoji and letters around the lengths replies clip echoed words to (32, 40, 64, 200).
                var emoji = new StringBuilder();
                var length = random.Next(20, 220);
                while (emoji.Length < length)
                {
                    emoji.Append(random.Next(3) == 0 ? "x" : random.Next(2) == 0 ? "😀" : "🇦🇲");
                }

                words[random.Next(words.Count)] = emoji.ToString();
                return string.Join(' ', words);
            case 0:
            case 1:
            case 2:
                // A hostile piece as a word of its own.
                words.Insert(1 + random.Next(words.Count), Hostile[random.Next(Hostile.Length)]);
                return string.Join(' ', words);
            case 3:
            case 4:
                // A hostile piece anywhere, even inside a word or the command's name.
                var at = random.Next(line.Length + 1);
                return line[..at] + Hostile[random.Next(Hostile.Length)] + line[at..];
            case 5:
                // A word replaced.
                words[random.Next(words.Count)] = Hostile[random.Next(Hostile.Length)];
                return string.Join(' ', words);
            case 6:
                // A huge argument: just under the router's limit, or far over it.
                var size = random.Next(3) switch { 0 => 10_000, 1 => 3_990 - line.Length, _ => random.Next(100, 2_000) };
                var piece = Hostile[random.Next(Hostile.Length)];
                var huge = new StringBuilder();
                while (huge.Length < size)
                {
                    huge.Append(random.Next(4) == 0 ? piece : "x");
                }

                words.Insert(1 + random.Next(words.Count), huge.ToString());
                return string.Join(' ', words);
            case 7:
                // A cut anywhere (possibly inside a surrogate pair).
                return line[..random.Next(line.Length + 1)];
            case 8:
                // A word repeated.
                var w = random.Next(words.Count);
                words.Insert(w, words[w]);
                return string.Join(' ', words);
            case 9:
                // Two words swapped.
                var (a, b) = (random.Next(words.Count), random.Next(words.Count));
                (words[a], words[b]) = (words[b], words[a]);
                return string.Join(' ', words);
            case 10:
                // Case and spacing changed.
                return random.Next(2) == 0 ? line.ToUpperInvariant() : string.Join(new string(' ', 1 + random.Next(5)), words);
            default:
                // A random character (any UTF-16 unit) changed.
                if (line.Length == 0)
                {
                    return line;
                }

                var i = random.Next(line.Length);
                return line[..i] + (char)random.Next(0x10000) + line[(i + 1)..];
        }
    }

    private string Noise(int length)
    {
        var noise = new StringBuilder(length);
        if (random.Next(2) == 0)
        {
            noise.Append('/');
        }

        while (noise.Length < length)
        {
            noise.Append(random.Next(4) switch
            {
                0 => (char)random.Next(0x20, 0x7F),
                1 => (char)random.Next(0x10000),
                2 => Hostile[random.Next(Hostile.Length)],
                _ => ' ',
            });
        }

        return noise.ToString();
    }
}
