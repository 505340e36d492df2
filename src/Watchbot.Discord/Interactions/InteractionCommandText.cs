using System.Text;
using System.Text.Json;
using Watchbot.Core.Commands;
using Watchbot.Core.Subscriptions;
using Watchbot.Discord.Payloads;
using Watchbot.Discord.Sending;

namespace Watchbot.Discord.Interactions;

/// <summary>Turns a slash-command interaction into the router's <see cref="IncomingCommand"/>: the text line
/// "/name option1 option2 ..." from its options in order, the channel (or "user:&lt;id&gt;" in a DM), the sender,
/// and whether the member may change the channel's subscriptions.</summary>
public static class InteractionCommandText
{
    public static string Line(InteractionData data)
    {
        var line = new StringBuilder("/").Append(data.Name);
        var given = Flatten(data.Options).ToList();
        if (SlashCommandShapes.For(data.Name, "", []) is { } shape)
        {
            // Typed options go on the line in the shape's order, "me" first, whatever order Discord sent them in.
            var values = given.GroupBy(o => o.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => Value(g.First().Value), StringComparer.Ordinal);
            foreach (var option in shape.OrderBy(o => o.Name == SlashCommandShapes.Me ? 0 : 1))
            {
                if (values.Remove(option.Name, out var value))
                {
                    Append(line, option.Fragment(value));
                }
            }

            given = given.Where(o => values.ContainsKey(o.Name)).ToList();
        }

        foreach (var option in given)
        {
            var value = Value(option.Value);
            if (value.Length == 0)
            {
                continue;
            }

            Append(line, SlashCommandShapes.IsFreeText(option.Name) ? value : Quoted(value));
        }

        return line.ToString();
    }

    private static void Append(StringBuilder line, string words)
    {
        if (words.Length > 0)
        {
            line.Append(' ').Append(words);
        }
    }

    /// <summary>A value with spaces becomes one "quoted" argument; topic names and times never hold spaces.</summary>
    public static string Quoted(string value) =>
        !value.Any(char.IsWhiteSpace) ? value : "\"" + value.Replace("\"", "", StringComparison.Ordinal) + "\"";

    public static IncomingCommand? ToIncoming(Interaction interaction)
    {
        var user = interaction.Member?.User ?? interaction.User;
        if (user is null || interaction.Data is null)
        {
            return null;
        }

        var inGuild = interaction.GuildId is not null;
        // A person is reached privately through "user:<id>", for which the sender opens a DM.
        var direct = new ChatAddress(DiscordSender.PlatformName, "user:" + user.Id);
        var chat = inGuild ? new ChatAddress(DiscordSender.PlatformName, interaction.ChannelId ?? "") : direct;
        var sender = new CommandSender(DiscordSender.PlatformName, user.Id, user.GlobalName ?? user.Username) { PrivateChat = direct };
        return new IncomingCommand(chat, inGuild ? ChatKind.Group : ChatKind.Private, sender,
            inGuild && Permissions.IsChatAdmin(interaction.Member?.Permissions), Line(interaction.Data));
    }

    /// <summary>The focused option of an autocomplete interaction and what was typed so far.</summary>
    public static (string Name, string Typed)? Focused(InteractionData data) =>
        Flatten(data.Options).Where(o => o.Focused == true).Select(o => (o.Name, Value(o.Value))).Cast<(string, string)?>().FirstOrDefault();

    private static IEnumerable<InteractionOption> Flatten(List<InteractionOption>? options)
    {
        foreach (var option in options ?? [])
        {
            if (option.Options is { Count: > 0 } nested)
            {
                yield return option with { Options = null, Value = null };
                foreach (var inner in Flatten(nested))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return option;
            }
        }
    }

    private static string Value(JsonElement? value) => value switch
    {
        null => "",
        { ValueKind: JsonValueKind.String } v => (v.GetString() ?? "").Trim(),
        { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } v => v.GetRawText(),
        _ => "",
    };
}
