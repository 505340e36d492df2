using System.Text.Json.Nodes;

namespace Watchbot.Fakes.Discord;

/// <summary>One REST call the fake answered. <see cref="Repeat"/>: a post whose nonce was seen, answered with the
/// earlier message and posting nothing.</summary>
public sealed record FakeDiscordRequest(string Method, string Path, JsonNode? Body, string? Authorization, string? UserAgent, int Status, DateTimeOffset At)
{
    public bool Repeat { get; init; }

    /// <summary>The files of a multipart/form-data post; each <see cref="FakeUpload.FileName"/> is "files[n]|name".</summary>
    public IReadOnlyList<Watchbot.Fakes.Telegram.FakeUpload>? Files { get; init; }
}

/// <summary>What the bot answered to one interaction: callbacks (type 4, 5, 8), edits of the original, follow-ups.</summary>
public sealed class FakeInteractionAnswers
{
    public List<JsonNode> Callbacks { get; } = [];

    public List<JsonNode> Edits { get; } = [];

    public List<JsonNode> Followups { get; } = [];

    public bool Deleted { get; set; }

    /// <summary>The answer the user sees in the end: the last follow-up, edit or immediate callback data.</summary>
    public JsonNode? Final
    {
        get
        {
            lock (this)
            {
                if (Followups.Count > 0 && (Deleted || Edits.Count == 0))
                {
                    return Followups[^1];
                }

                if (Edits.Count > 0)
                {
                    return Edits[^1];
                }

                return Callbacks.LastOrDefault(c => (int?)c["type"] is 4 or 8)?["data"];
            }
        }
    }

    /// <summary>All the text of the final answer: content, embed titles and descriptions, with markdown escapes removed.</summary>
    public string FinalText => TextOf(Final);

    public static string TextOf(JsonNode? message)
    {
        if (message is null)
        {
            return "";
        }

        var parts = new List<string?> { (string?)message["content"] };
        foreach (var embed in message["embeds"]?.AsArray() ?? [])
        {
            parts.Add((string?)embed?["title"]);
            parts.Add((string?)embed?["description"]);
            parts.Add((string?)embed?["footer"]?["text"]);
        }

        return string.Join("\n", parts.Where(p => !string.IsNullOrEmpty(p))).Replace("\\", "", StringComparison.Ordinal);
    }
}
