using Watchbot.Discord.Payloads;

namespace Watchbot.Discord.Rendering;

/// <summary>Discord's embed limits, and a check of a message against every one of them.</summary>
public static class EmbedLimits
{
    public const int Title = 256;
    public const int Description = 4096;
    public const int Fields = 25;
    public const int FieldName = 256;
    public const int FieldValue = 1024;
    public const int Footer = 2048;
    public const int EmbedsPerMessage = 10;
    public const int CharactersPerMessage = 6000;
    public const int Content = 2000;

    /// <summary>The characters that count toward the 6000 of a message.</summary>
    public static int Characters(Embed embed) =>
        (embed.Title?.Length ?? 0) + (embed.Description?.Length ?? 0) + (embed.Footer?.Text.Length ?? 0)
        + (embed.Fields?.Sum(f => f.Name.Length + f.Value.Length) ?? 0);

    /// <summary>Every limit the message breaks; empty when Discord will take it.</summary>
    public static IReadOnlyList<string> Violations(MessageBody message)
    {
        var problems = new List<string>();
        var embeds = message.Embeds ?? [];
        if ((message.Content?.Length ?? 0) > Content)
        {
            problems.Add($"content has {message.Content!.Length} characters (limit {Content})");
        }

        if (embeds.Count > EmbedsPerMessage)
        {
            problems.Add($"{embeds.Count} embeds (limit {EmbedsPerMessage})");
        }

        var total = embeds.Sum(Characters);
        if (total > CharactersPerMessage)
        {
            problems.Add($"{total} embed characters (limit {CharactersPerMessage})");
        }

        foreach (var embed in embeds)
        {
            Check(embed.Title?.Length ?? 0, Title, "title");
            Check(embed.Description?.Length ?? 0, Description, "description");
            Check(embed.Footer?.Text.Length ?? 0, Footer, "footer");
            Check(embed.Fields?.Count ?? 0, Fields, "fields");
            foreach (var field in embed.Fields ?? [])
            {
                Check(field.Name.Length, FieldName, "field name");
                Check(field.Value.Length, FieldValue, "field value");
            }

            if (string.IsNullOrEmpty(embed.Title) && string.IsNullOrEmpty(embed.Description) && (embed.Fields?.Count ?? 0) == 0)
            {
                problems.Add("an empty embed");
            }
        }

        if (message.AllowedMentions.Parse.Count != 0)
        {
            problems.Add("allowed_mentions.parse is not empty");
        }

        return problems;

        void Check(int length, int limit, string what)
        {
            if (length > limit)
            {
                problems.Add($"{what} has {length} (limit {limit})");
            }
        }
    }
}
