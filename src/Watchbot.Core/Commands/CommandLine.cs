using System.Text;

namespace Watchbot.Core.Commands;

public enum ParseOutcome { Command, NotACommand, ForAnotherBot, TooLong }

/// <summary>A command line taken apart: "/Subscribe@WatchBot  Karabakh" is ("subscribe", ["karabakh"]).</summary>
public sealed record ParsedCommand(ParseOutcome Outcome, string Name, IReadOnlyList<string> Args, string RawArgs = "")
{
    public static ParsedCommand Not(ParseOutcome outcome) => new(outcome, "", []);
}

/// <summary>Parses chat command lines. Control characters are dropped, a lone surrogate becomes U+FFFD (so nothing
/// a handler echoes can break a platform's rules), arguments may be "quoted".</summary>
public static class CommandLine
{
    public const int MaxLength = 4000;
    public const int MaxArgs = 64;

    public static ParsedCommand Parse(string? text, string? botName = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ParsedCommand.Not(ParseOutcome.NotACommand);
        }

        if (text.Length > MaxLength)
        {
            return ParsedCommand.Not(ParseOutcome.TooLong);
        }

        var clean = Clean(text).Trim();
        if (clean.Length < 2 || clean[0] != '/')
        {
            return ParsedCommand.Not(ParseOutcome.NotACommand);
        }

        var end = 1;
        while (end < clean.Length && !char.IsWhiteSpace(clean[end]))
        {
            end++;
        }

        var head = clean[1..end];
        var at = head.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            var addressed = head[(at + 1)..];
            head = head[..at];
            if (botName is not null && !string.Equals(addressed, botName, StringComparison.OrdinalIgnoreCase))
            {
                return ParsedCommand.Not(ParseOutcome.ForAnotherBot);
            }
        }

        if (head.Length is 0 or > 32 || !head.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            return ParsedCommand.Not(ParseOutcome.NotACommand);
        }

        return new ParsedCommand(ParseOutcome.Command, head.ToLowerInvariant(), Split(clean[end..]), clean[end..].Trim());
    }

    /// <summary>Splits on white space; "double quotes" keep spaces inside one argument.</summary>
    public static IReadOnlyList<string> Split(string text)
    {
        var args = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        var has = false;
        foreach (var c in text)
        {
            if (c is '"' or '\u201C' or '\u201D')
            {
                quoted = !quoted;
                has = true;
            }
            else if (char.IsWhiteSpace(c) && !quoted)
            {
                Flush();
            }
            else
            {
                current.Append(c);
                has = true;
            }
        }

        Flush();
        return args.Count > MaxArgs ? args[..MaxArgs] : args;

        void Flush()
        {
            if (has)
            {
                args.Add(current.ToString());
            }

            current.Clear();
            has = false;
        }
    }

    private static string Clean(string text)
    {
        var clean = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsControl(c) || c is '\n' or '\t')
            {
                clean.Append(c is '\n' or '\t' ? ' ' : c);
            }
        }

        return Messages.SafeText.Repair(clean.ToString());
    }
}
