using Watchbot.Core.Messages;
using Watchbot.Core.Commands;
using Watchbot.Discord.Payloads;

namespace Watchbot.Discord.Interactions;

/// <summary>
/// The slash commands for the router's command set, with the typed options of <see cref="SlashCommandShapes"/>
/// (strings, integers with bounds, booleans, choices where the values are fixed, topics by autocomplete). A command
/// without a shape there gets a "topic" string option with autocomplete when its usage starts with a topic, and
/// whatever else its usage takes in one free "arguments" string option. Curator and
/// owner commands (/admin) carry default_member_permissions MANAGE_GUILD, so ordinary members do not see them.
/// </summary>
public static class CommandCatalog
{
    public const string TopicOption = "topic";
    public const string ArgumentsOption = "arguments";

    public static List<ApplicationCommand> Build(IEnumerable<CommandSpec> specs)
    {
        var valid = specs.Where(s => IsValidName(s.Name)).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        var names = valid.Select(s => s.Name).ToList();
        return valid.Select(s => Build(s, names)).ToList();
    }

    public static ApplicationCommand Build(CommandSpec spec, IReadOnlyList<string>? commandNames = null)
    {
        if (SlashCommandShapes.For(spec, commandNames ?? [spec.Name]) is { } shape)
        {
            // Discord wants required options before optional ones.
            var typed = shape.OrderBy(o => o.Required ? 0 : 1).Select(o => o.ToCommandOption()).ToList();
            return Command(spec, typed);
        }

        var options = new List<CommandOption>();
        var usage = spec.Usage.Split(" | ")[0].Trim();
        var words = usage.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        var takesMore = spec.Usage.Split(" | ").Any(u => u.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 1);
        if (words.Count > 0 && IsTopic(words[0]))
        {
            options.Add(new CommandOption(OptionType.String, TopicOption, "The topic (start typing to see them)", Required: words[0].StartsWith('<') ? true : null, Autocomplete: true));
            words.RemoveAt(0);
            takesMore = spec.Usage.Split(" | ").Any(u => u.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).Length > 2);
        }

        if (takesMore)
        {
            var required = options.Count == 0 && words.Count > 0 && words[0].StartsWith('<') && !spec.Usage.Contains(" | ", StringComparison.Ordinal);
            options.Add(new CommandOption(OptionType.String, ArgumentsOption, Cut("Usage: " + spec.Usage, 100), Required: required ? true : null));
        }

        return Command(spec, options);
    }

    private static ApplicationCommand Command(CommandSpec spec, List<CommandOption> options) =>
        new(
            spec.Name.ToLowerInvariant(),
            Cut(string.IsNullOrWhiteSpace(spec.Summary) ? spec.Name : spec.Summary, 100),
            Options: options.Count == 0 ? null : options,
            DefaultMemberPermissions: spec.Access is CommandAccess.Curator or CommandAccess.Owner ? Permissions.ManageGuild.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
            Contexts: [0, 1],
            IntegrationTypes: [0]);

    private static bool IsTopic(string word) =>
        word.Trim('<', '>', '[', ']').Split('|')[0] == "topic";

    /// <summary>Discord's rule for CHAT_INPUT names: 1-32 lower-case letters, digits, '-' or '_'.</summary>
    public static bool IsValidName(string name) =>
        name.Length is > 0 and <= 32 && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_');

    private static string Cut(string text, int max) => SafeText.Clip(text, max);
}
