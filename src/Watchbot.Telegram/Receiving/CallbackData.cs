using System.Text;

namespace Watchbot.Telegram.Receiving;

/// <summary>What an inline button carries: "w1:" and the command line it stands for, at most 64 bytes of UTF-8.</summary>
public static class CallbackData
{
    public const int MaxBytes = 64;
    private const string Prefix = "w1:";

    /// <summary>The data for a button that runs <paramref name="commandLine"/>, or null when it would not fit.</summary>
    public static string? Encode(string commandLine)
    {
        var data = Prefix + commandLine;
        return Encoding.UTF8.GetByteCount(data) <= MaxBytes ? data : null;
    }

    /// <summary>The command line a button stands for, or null for data this bot did not make.</summary>
    public static string? Decode(string? data) =>
        data is not null && data.StartsWith(Prefix, StringComparison.Ordinal) && data.Length > Prefix.Length + 1 && data[Prefix.Length] == '/'
            ? data[Prefix.Length..]
            : null;
}
