using System.Text;

namespace Watchbot.Telegram.Receiving;

/// <summary>
/// What an inline button carries: the command line it stands for, in at most 64 bytes of UTF-8 (Telegram refuses
/// longer callback_data). "w1:" and the line as it is when that fits; otherwise "w2:" and the line with its common
/// words written as "~" and one letter, and "kinds+=" / "kinds-=" before any kind as "~+" / "~-" (a topic name may be
/// 40 characters, and "/filter &lt;topic&gt; me kinds-=displacement" would not fit; a kind's name is at most
/// <see cref="Core.Events.EventKinds.MaxNameLength"/> characters, so every kind's switch fits). Lines that fit neither
/// way get no button.
/// </summary>
public static class CallbackData
{
    public const int MaxBytes = 64;
    private const string Plain = "w1:";
    private const string Compact = "w2:";
    private const char Mark = '~';

    /// <summary>The words "w2:" abbreviates, by position: append only, never reorder, or old buttons change meaning.</summary>
    private static readonly string[] Words =
    [
        "/filter", "/digest", "me", "on", "off", "now",
        "kinds+=escalation", "kinds-=escalation", "kinds+=casualties", "kinds-=casualties",
        "kinds+=ceasefire", "kinds-=ceasefire", "kinds+=displacement", "kinds-=displacement",
        "/subscribe", "/unsubscribe", "/alerts", "reset",
    ];

    /// <summary>The kind switches' prefixes, written as the mark and their sign.</summary>
    private static readonly string[] KindPrefixes = ["kinds+=", "kinds-="];

    private const string Codes = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /// <summary>The data for a button that runs <paramref name="commandLine"/>, or null when it would not fit.</summary>
    public static string? Encode(string commandLine)
    {
        var data = Plain + commandLine;
        if (Fits(data))
        {
            return data;
        }

        var words = commandLine.Split(' ');
        if (words.Any(w => w.Length == 0 || w[0] == Mark))
        {
            return null;
        }

        data = Compact + string.Join(' ', words.Select(Abbreviate));
        return Fits(data) ? data : null;
    }

    private static string Abbreviate(string word) =>
        Array.IndexOf(Words, word) is var i and >= 0 ? $"{Mark}{Codes[i]}"
        : KindPrefixes.FirstOrDefault(p => word.StartsWith(p, StringComparison.Ordinal) && word.Length > p.Length) is { } prefix ? $"{Mark}{prefix[5]}{word[prefix.Length..]}"
        : word;

    /// <summary>The command line a button stands for, or null for data this bot did not make.</summary>
    public static string? Decode(string? data)
    {
        if (data is null)
        {
            return null;
        }

        string? line = null;
        if (data.StartsWith(Plain, StringComparison.Ordinal))
        {
            line = data[Plain.Length..];
        }
        else if (data.StartsWith(Compact, StringComparison.Ordinal))
        {
            var words = new List<string>();
            foreach (var word in data[Compact.Length..].Split(' '))
            {
                if (word.Length > 2 && word[0] == Mark && word[1] is '+' or '-')
                {
                    words.Add($"kinds{word[1]}={word[2..]}");
                }
                else if (word.Length > 0 && word[0] == Mark)
                {
                    var i = word.Length == 2 ? Codes.IndexOf(word[1], StringComparison.Ordinal) : -1;
                    if (i < 0 || i >= Words.Length)
                    {
                        return null;
                    }

                    words.Add(Words[i]);
                }
                else
                {
                    words.Add(word);
                }
            }

            line = string.Join(' ', words);
        }

        return line is { Length: > 1 } && line[0] == '/' ? line : null;
    }

    private static bool Fits(string data) => Encoding.UTF8.GetByteCount(data) <= MaxBytes;
}
