using System.Globalization;
using System.Text.RegularExpressions;
using Watchbot.Core.Events;

namespace Watchbot.Extraction.Text;

/// <summary>Reads numbers in digits and words, with their qualifier and range.</summary>
public static partial class NumberReader
{
    private static readonly Dictionary<string, long> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7, ["eight"] = 8,
        ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14, ["fifteen"] = 15,
        ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19, ["twenty"] = 20, ["thirty"] = 30,
        ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    private static readonly Dictionary<string, long> Scales = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hundred"] = 100, ["thousand"] = 1_000, ["million"] = 1_000_000, ["billion"] = 1_000_000_000,
    };

    private static readonly Dictionary<string, long> VagueWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["dozens"] = 24, ["scores"] = 40, ["hundreds"] = 200, ["thousands"] = 2_000, ["millions"] = 2_000_000,
    };

    // Qualifiers as token sequences, longest first.
    private static readonly (string[] Words, CountQualifier Qualifier)[] Qualifiers =
    [
        (["no", "fewer", "than"], CountQualifier.AtLeast), (["not", "less", "than"], CountQualifier.AtLeast),
        (["at", "least"], CountQualifier.AtLeast), (["a", "minimum", "of"], CountQualifier.AtLeast),
        (["more", "than"], CountQualifier.MoreThan), (["upwards", "of"], CountQualifier.MoreThan),
        (["in", "excess", "of"], CountQualifier.MoreThan), (["over"], CountQualifier.MoreThan), (["above"], CountQualifier.MoreThan),
        (["up", "to"], CountQualifier.UpTo), (["as", "many", "as"], CountQualifier.UpTo), (["at", "most"], CountQualifier.UpTo),
        (["fewer", "than"], CountQualifier.UpTo), (["less", "than"], CountQualifier.UpTo), (["under"], CountQualifier.UpTo),
        (["close", "to"], CountQualifier.About), (["an", "estimated"], CountQualifier.About), (["nearly"], CountQualifier.About),
        (["almost"], CountQualifier.About), (["about"], CountQualifier.About), (["around"], CountQualifier.About),
        (["roughly"], CountQualifier.About), (["approximately"], CountQualifier.About), (["some"], CountQualifier.About),
        (["estimated"], CountQualifier.About), (["approx"], CountQualifier.About), (["an", "estimated"], CountQualifier.About),
    ];

    public static IReadOnlyList<NumberMention> Read(string text) => Read(text, Tokenizer.Tokenize(text));

    private static readonly HashSet<string> Starters = new(
        Units.Keys.Concat(VagueWords.Keys).Concat(["a", "tens"]), StringComparer.OrdinalIgnoreCase);

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> StarterLookup = Starters.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Cheap test, without allocating: can a number start at this token?</summary>
    private static bool CanStart(Token token)
    {
        var span = token.Span;
        if (char.IsAsciiDigit(span[0]))
        {
            return true;
        }

        if (!char.IsLetter(span[0]))
        {
            return false;
        }

        var dash = span.IndexOf('-');
        var head = dash > 0 ? span[..dash] : span;
        return head.Length <= 9 && StarterLookup.Contains(head);
    }

    public static IReadOnlyList<NumberMention> Read(string text, IReadOnlyList<Token> tokens)
    {
        var result = new List<NumberMention>();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!CanStart(tokens[i]) || !TryAtom(tokens, i, out var value, out var end, out var vague, out var rangeHigh))
            {
                continue;
            }

            var first = i;
            long? high = rangeHigh;
            var last = end;
            var qualifier = vague ? CountQualifier.AtLeast : CountQualifier.Exact;
            var qualifierStart = i;
            var between = false;

            // Qualifier before.
            foreach (var (words, q) in Qualifiers)
            {
                if (EndsWith(tokens, i, words))
                {
                    qualifier = q;
                    qualifierStart = i - words.Length;
                    break;
                }
            }

            if (i > 0 && tokens[i - 1].Text.Equals("between", StringComparison.OrdinalIgnoreCase))
            {
                between = true;
                qualifierStart = i - 1;
            }

            // Range after: "70,000 to 75,000", "7-10", "between 5 and 8"; not a day of a month ("since September 27 to 633")
            // nor a change ("rose from 27 to 633"), where the second number stands alone.
            if (high is null && end + 2 < tokens.Count + 1 && end + 1 < tokens.Count && !(i > 0 && (tokens[i - 1].Text.Equals("from", StringComparison.OrdinalIgnoreCase) || DateResolver.IsMonth(tokens[i - 1].Text))))
            {
                var link = tokens[end + 1].Text.ToLowerInvariant();
                if ((link is "to" or "-" || (between && link == "and")) && TryAtom(tokens, end + 2, out var second, out var secondEnd, out var secondVague, out _) && !secondVague && second > value)
                {
                    high = second;
                    last = secondEnd;
                }
            }

            if (between && high is not null && qualifier == CountQualifier.Exact)
            {
                qualifier = CountQualifier.About;
            }

            var raw = tokens[i].Text;
            var looksLikeYear = !vague && value is >= 1800 and <= 2100 && (high is null || high is >= 1800 and <= 2100) && !raw.Contains(',', StringComparison.Ordinal) && !raw.Contains('.', StringComparison.Ordinal);
            var startChar = tokens[qualifierStart].Start;
            var endChar = tokens[last].End;
            result.Add(new NumberMention(startChar, endChar, value, high, qualifier, vague, looksLikeYear, first, last, text[startChar..endChar]));
            i = last;
        }

        return result;
    }

    private static bool EndsWith(IReadOnlyList<Token> tokens, int before, string[] words)
    {
        if (before - words.Length < 0)
        {
            return false;
        }

        for (var k = 0; k < words.Length; k++)
        {
            if (!tokens[before - words.Length + k].Text.Equals(words[k], StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>One number starting at token <paramref name="i"/>; <paramref name="end"/> is its last token.</summary>
    private static bool TryAtom(IReadOnlyList<Token> tokens, int i, out long value, out int end, out bool vague, out long? high)
    {
        value = 0;
        end = i;
        vague = false;
        high = null;
        if (i >= tokens.Count)
        {
            return false;
        }

        var t = tokens[i].Text;
        var lower = t.ToLowerInvariant();

        // Vague amounts: "dozens (of)", "hundreds of thousands", "tens of thousands".
        if (VagueWords.TryGetValue(lower, out var vagueValue))
        {
            vague = true;
            value = vagueValue;
            if (Next(tokens, i + 1, "of") && i + 2 < tokens.Count && Scales.TryGetValue(tokens[i + 2].Text.TrimEnd('s'), out var scale) && scale >= 1000)
            {
                value = vagueValue * scale;
                end = i + 2;
            }
            else
            {
                end = Next(tokens, i + 1, "of") ? i + 1 : i;
            }

            return true;
        }

        if (lower == "tens" && Next(tokens, i + 1, "of") && i + 2 < tokens.Count && Scales.TryGetValue(tokens[i + 2].Text.TrimEnd('s'), out var tensScale))
        {
            vague = true;
            value = 20 * tensScale;
            end = i + 2;
            return true;
        }

        if ((lower is "a" or "one") && i + 1 < tokens.Count && tokens[i + 1].Text.Equals("dozen", StringComparison.OrdinalIgnoreCase))
        {
            value = 12;
            end = i + 1;
            return true;
        }

        if (lower == "a" && i + 1 < tokens.Count && Scales.TryGetValue(tokens[i + 1].Text, out var aScale))
        {
            value = aScale;
            end = i + 1;
            return ExtendScale(tokens, ref value, ref end);
        }

        var range = DigitRange().Match(t);
        if (range.Success)
        {
            // Digits past the range of a long ("99999999999999999999-...") are not a count.
            if (!TryParseDigits(range.Groups[1].Value, out value) || !TryParseDigits(range.Groups[2].Value, out var rangeTop))
            {
                return false;
            }

            high = rangeTop;
            if (high <= value)
            {
                high = null;
                return false;
            }

            return true;
        }

        if (Digits().IsMatch(t))
        {
            var parsed = ParseDecimal(t);
            if (parsed is null)
            {
                return false;
            }

            end = i;
            if (i + 1 < tokens.Count && Scales.TryGetValue(tokens[i + 1].Text, out var digitScale) && digitScale >= 1000)
            {
                value = (long)Math.Round(parsed.Value * digitScale);
                end = i + 1;
                return true;
            }

            if (parsed.Value != Math.Floor(parsed.Value))
            {
                return false;
            }

            value = (long)parsed.Value;
            return true;
        }

        // Words: "seven", "twenty-five", "two hundred", "two million".
        var hyphen = lower.Split('-');
        if (hyphen.Length == 2 && Units.TryGetValue(hyphen[0], out var tens) && tens >= 20 && Units.TryGetValue(hyphen[1], out var ones) && ones < 10)
        {
            value = tens + ones;
        }
        else if (Units.TryGetValue(lower, out var unit))
        {
            value = unit;
            if (unit >= 20 && i + 1 < tokens.Count && Units.TryGetValue(tokens[i + 1].Text, out var ones2) && ones2 < 10)
            {
                value += ones2;
                end = i + 1;
            }
        }
        else
        {
            return false;
        }

        return ExtendScale(tokens, ref value, ref end);
    }

    private static bool ExtendScale(IReadOnlyList<Token> tokens, ref long value, ref int end)
    {
        while (end + 1 < tokens.Count && Scales.TryGetValue(tokens[end + 1].Text, out var scale))
        {
            value *= scale;
            end++;
            if (scale == 100 && end + 1 < tokens.Count && Units.TryGetValue(tokens[end + 1].Text, out var rest) && rest < 100)
            {
                value += rest;
                end++;
            }
        }

        return true;
    }

    private static bool Next(IReadOnlyList<Token> tokens, int i, string word) =>
        i < tokens.Count && tokens[i].Text.Equals(word, StringComparison.OrdinalIgnoreCase);

    private static bool TryParseDigits(string s, out long value) =>
        long.TryParse(s.Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out value);

    private static double? ParseDecimal(string s)
    {
        var clean = s.Replace(",", "", StringComparison.Ordinal);
        return double.TryParse(clean, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var d) && d < 1e13 ? d : null;
    }

    [GeneratedRegex(@"^(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?$")]
    private static partial Regex Digits();

    [GeneratedRegex(@"^([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)-([0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)$")]
    private static partial Regex DigitRange();
}
