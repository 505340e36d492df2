using System.Text.RegularExpressions;
using Watchbot.Discord.Payloads;
using Watchbot.Discord.Rendering;

namespace Watchbot.Host.Tests.Reliability.Fuzzing;

/// <summary>
/// What Discord would do with a message body: every limit of <see cref="EmbedLimits"/>, allowed_mentions.parse empty,
/// and, as a second line of defence, no mention in any text that Discord would render as one (@everyone, @here,
/// &lt;@id&gt;, &lt;@!id&gt;, &lt;@&amp;id&gt;) unless escaped with a backslash, and no lone surrogate. Returns the problems.
/// </summary>
public static partial class StrictDiscordContent
{
    [GeneratedRegex(@"(?<!\\)(@everyone|@here|<@[!&]?[0-9]+>)")]
    private static partial Regex Mention();

    public static IReadOnlyList<string> Problems(MessageBody body)
    {
        var problems = EmbedLimits.Violations(body).ToList();
        foreach (var (what, text) in Texts(body))
        {
            if (Mention().Match(text) is { Success: true } mention)
            {
                problems.Add($"an unescaped mention {mention.Value} in the {what}");
            }

            if (StrictTelegramHtml.LoneSurrogate(text) is { } at)
            {
                problems.Add($"a lone surrogate at {at} in the {what}");
            }
        }

        return problems;
    }

    private static IEnumerable<(string What, string Text)> Texts(MessageBody body)
    {
        if (body.Content is not null)
        {
            yield return ("content", body.Content);
        }

        foreach (var embed in body.Embeds ?? [])
        {
            if (embed.Title is not null)
            {
                yield return ("title", embed.Title);
            }

            if (embed.Description is not null)
            {
                yield return ("description", embed.Description);
            }

            if (embed.Footer is not null)
            {
                yield return ("footer", embed.Footer.Text);
            }

            foreach (var field in embed.Fields ?? [])
            {
                yield return ("field name", field.Name);
                yield return ("field value", field.Value);
            }
        }
    }
}
