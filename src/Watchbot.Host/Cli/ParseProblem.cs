using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;

namespace Watchbot.Host.Cli;

/// <summary>Turns the parser's complaint into the one sentence the README promises: what is wrong and where the
/// usage is, never the whole help text.</summary>
public static partial class ParseProblem
{
    public static string Describe(ParseResult parsed)
    {
        var error = parsed.Errors[0];
        var path = CommandPath(parsed.CommandResult);
        var help = $"`{path} --help` shows what it takes.";
        var unknown = Unrecognized().Match(error.Message);
        if (unknown.Success)
        {
            var token = EventsAddVerb.Clip(unknown.Groups[1].Value);
            return token.StartsWith('-')
                ? $"{path} has no option '{token}'; {help}"
                : $"{path} has no verb or argument '{token}'; {help}";
        }

        return $"{error.Message.Trim().TrimEnd('.')}; {help}";
    }

    /// <summary>A parser for whole-number arguments that names the value and what was expected, instead of a .NET type.</summary>
    public static long WholeNumber(ArgumentResult result, string what)
    {
        var token = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
        if (long.TryParse(token, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        result.AddError($"'{EventsAddVerb.Clip(token)}' is not {what}");
        return 0;
    }

    private static string CommandPath(CommandResult command)
    {
        var names = new List<string>();
        for (SymbolResult? at = command; at is CommandResult c; at = c.Parent)
        {
            names.Add(c.Parent is null ? "watchbot" : c.Command.Name);
        }

        names.Reverse();
        return string.Join(' ', names);
    }

    [GeneratedRegex("^Unrecognized command or argument '(.*)'")]
    private static partial Regex Unrecognized();
}
