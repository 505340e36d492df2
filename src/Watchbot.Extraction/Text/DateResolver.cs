using System.Globalization;
using System.Text.RegularExpressions;
using Watchbot.Core.Events;

namespace Watchbot.Extraction.Text;

/// <summary>Finds date expressions and resolves them against a reference (publication) date.</summary>
public static partial class DateResolver
{
    private const string Month = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";
    private const string Weekday = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";

    [GeneratedRegex(@"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)")]
    private static partial Regex MonthProbe();

    [GeneratedRegex(@"(?<![0-9-])(?<y>(?:19|20)[0-9]{2})-(?<m>[0-9]{1,2})-(?<d>[0-9]{1,2})(?![0-9])")]
    private static partial Regex Iso();

    [GeneratedRegex(@"(?<![0-9.])(?<a>[0-9]{1,2})[./](?<b>[0-9]{1,2})[./](?<y>(?:19|20)[0-9]{2})(?![0-9])")]
    private static partial Regex Numeric();

    /// <summary>True when <paramref name="word"/> is a month's name or its abbreviation ("May", "Sept.").</summary>
    public static bool IsMonth(string word) => MonthWord().IsMatch(word);

    [GeneratedRegex(@"^(?:" + Month + @")\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex MonthWord();

    [GeneratedRegex(@"\b(?<d>[0-9]{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<mon>" + Month + @")\b\.?(?:,?\s+(?<y>(?:19|20)[0-9]{2})\b)?")]
    private static partial Regex DayMonth();

    [GeneratedRegex(@"\b(?<mon>" + Month + @")\b\.?\s+(?<d>[0-9]{1,2})(?:st|nd|rd|th)?(?![0-9,][0-9])(?:,?\s+(?<y>(?:19|20)[0-9]{2})\b)?")]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"\b(?<mon>" + Month + @")\s+(?<y>(?:19|20)[0-9]{2})\b")]
    private static partial Regex MonthYear();

    /// <summary>"in May", "starting in mid-December", "since early March": a month, or a part of one, without a day.</summary>
    [GeneratedRegex(@"\b(?i:in|since|during|until|through|throughout|from|by|of|starting|beginning|early|mid|late)(?:[\s-]+(?<part>(?i:early|mid|late|the (?:start|beginning|middle|end) of)))?[\s-]+(?<mon>January|February|March|April|May|June|July|August|September|October|November|December)\b(?![\s-]*[0-9])")]
    private static partial Regex MonthAlone();

    /// <summary>"in 2019", "during 2022", "throughout 2021": a whole year.</summary>
    [GeneratedRegex(@"\b(?i:in|during|throughout)\s+(?:(?i:early|late|mid)[\s-]+)?(?<y>(?:19|20)[0-9]{2})\b(?![0-9,.-])")]
    private static partial Regex YearAlone();

    [GeneratedRegex(@"\b(?i:(?<w>the day before yesterday|yesterday|last night|overnight))\b")]
    private static partial Regex PastDay();

    [GeneratedRegex(@"\b(?i:(?<w>earlier today|today|tonight|this (?:morning|afternoon|evening)))\b")]
    private static partial Regex Today();

    [GeneratedRegex(@"\b(?i:(?<q>last|this|past|previous|over the|on the|earlier this|at the)\s+(?<u>weekend|week|month))\b")]
    private static partial Regex Period();

    [GeneratedRegex(@"(?:\b(?i:(?<q>last|this|next|early|late|on|past))\s+)?\b(?<w>" + Weekday + @")(?:\s+(?i:morning|afternoon|evening|night))?\b")]
    private static partial Regex WeekdayRegex();

    [GeneratedRegex(@"\b(?i:since\s+(?:the\s+)?(?:(?:fighting|war|hostilities|clashes|conflict|escalation|offensive)\s+(?:began|started|erupted|broke\s+out|resumed|flared)|(?:start|beginning|outbreak|onset)\s+of\s+(?:the\s+)?(?:fighting|war|hostilities|clashes|conflict)))\b")]
    private static partial Regex SinceStart();

    [GeneratedRegex(@"\b(?i:since)\s+(?:(?i:the)\s+)?$")]
    private static partial Regex SinceBefore();

    /// <summary>The names <see cref="WeekdayRegex"/> needs one of, as it compares them: with case. Sunday first, as <see cref="DayOfWeek"/> counts.</summary>
    private static readonly string[] WeekdayOrder = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

    private static readonly System.Buffers.SearchValues<string> WeekdayNames = System.Buffers.SearchValues.Create(WeekdayOrder, StringComparison.Ordinal);

    /// <summary>Every date expression in <paramref name="text"/>, in order, resolved against <paramref name="reference"/>.</summary>
    public static IReadOnlyList<DateMention> Find(string text, DateOnly reference)
    {
        var found = new List<DateMention>();
        var taken = new List<(int, int)>();

        void Add(Match m, DateOnly date, DateOnly? end, DatePrecision precision, DateKind kind, bool future = false)
        {
            foreach (var (s, e) in taken)
            {
                if (m.Index < e && m.Index + m.Length > s)
                {
                    return;
                }
            }

            taken.Add((m.Index, m.Index + m.Length));
            var start = m.Index;
            // "since last Sunday": a range from that day to the reference date.
            var before = text[Math.Max(0, start - 12)..start];
            var since = false;
            if (kind != DateKind.SinceConflictStart && SinceBefore().IsMatch(before) && date <= reference)
            {
                end = reference;
                precision = DatePrecision.Range;
                since = true;
            }

            found.Add(new DateMention(start, m.Index + m.Length, date, end, precision, kind, future, m.Value) { Since = since });
        }

        var hasDigit = text.AsSpan().IndexOfAnyInRange('0', '9') >= 0;
        var hasSince = text.Contains("since", StringComparison.OrdinalIgnoreCase);
        var hasMonth = MonthProbe().IsMatch(text);
        var hasPast = text.Contains("yesterday", StringComparison.OrdinalIgnoreCase) || text.Contains("night", StringComparison.OrdinalIgnoreCase);
        var hasToday = text.Contains("today", StringComparison.OrdinalIgnoreCase) || text.Contains("tonight", StringComparison.OrdinalIgnoreCase) || text.Contains("this ", StringComparison.OrdinalIgnoreCase);
        var hasPeriod = text.Contains("week", StringComparison.OrdinalIgnoreCase) || text.Contains("month", StringComparison.OrdinalIgnoreCase);
        var hasWeekday = text.AsSpan().IndexOfAny(WeekdayNames) >= 0;
        foreach (Match m in (hasSince ? SinceStart().Matches(text) : Enumerable.Empty<Match>()))
        {
            Add(m, reference, reference, DatePrecision.Range, DateKind.SinceConflictStart);
        }

        foreach (Match m in (hasDigit ? Iso().Matches(text) : Enumerable.Empty<Match>()))
        {
            if (TryDate(Int(m, "y"), Int(m, "m"), Int(m, "d"), out var d))
            {
                Add(m, d, null, DatePrecision.Day, DateKind.Absolute);
            }
        }

        foreach (Match m in (hasDigit ? Numeric().Matches(text) : Enumerable.Empty<Match>()))
        {
            int a = Int(m, "a"), b = Int(m, "b"), y = Int(m, "y");
            var ok = b <= 12 ? TryDate(y, b, a, out var d) : TryDate(y, a, b, out d);
            if (ok)
            {
                Add(m, d, null, DatePrecision.Day, DateKind.Absolute);
            }
        }

        foreach (Match m in (hasDigit && hasMonth ? DayMonth().Matches(text) : Enumerable.Empty<Match>()))
        {
            AddMonthDay(m, reference, Add);
        }

        foreach (Match m in (hasDigit && hasMonth ? MonthDay().Matches(text) : Enumerable.Empty<Match>()))
        {
            AddMonthDay(m, reference, Add);
        }

        foreach (Match m in (hasDigit && hasMonth ? MonthYear().Matches(text) : Enumerable.Empty<Match>()))
        {
            var mon = MonthNumber(m.Groups["mon"].Value);
            var start = new DateOnly(Int(m, "y"), mon, 1);
            Add(m, start, start.AddMonths(1).AddDays(-1), DatePrecision.Month, DateKind.Absolute);
        }

        foreach (Match m in (hasMonth ? MonthAlone().Matches(text) : Enumerable.Empty<Match>()))
        {
            var mon = MonthNumber(m.Groups["mon"].Value);
            var year = mon > reference.Month ? reference.Year - 1 : reference.Year;
            var first = new DateOnly(year, mon, 1);
            var last = first.AddMonths(1).AddDays(-1);
            var part = m.Groups["part"].Success ? m.Groups["part"].Value.ToLowerInvariant() : m.Value.TrimStart().ToLowerInvariant();
            (first, last) = part.StartsWith("early", StringComparison.Ordinal) || part.Contains("start", StringComparison.Ordinal) || part.Contains("beginning", StringComparison.Ordinal)
                    ? (first, first.AddDays(9))
                : part.StartsWith("mid", StringComparison.Ordinal) || part.Contains("middle", StringComparison.Ordinal) ? (first.AddDays(10), first.AddDays(19))
                : part.StartsWith("late", StringComparison.Ordinal) || part.Contains("end", StringComparison.Ordinal) ? (first.AddDays(20), last)
                : (first, last);
            if (first <= reference)
            {
                Add(m, first, last > reference ? reference : last, DatePrecision.Month, DateKind.Absolute);
            }
        }

        foreach (Match m in (hasDigit ? YearAlone().Matches(text) : Enumerable.Empty<Match>()))
        {
            var first = new DateOnly(Int(m, "y"), 1, 1);
            var last = new DateOnly(first.Year, 12, 31);
            if (first <= reference)
            {
                Add(m, first, last > reference ? reference : last, DatePrecision.Range, DateKind.Absolute);
            }
        }

        foreach (Match m in (hasPast ? PastDay().Matches(text) : Enumerable.Empty<Match>()))
        {
            var w = m.Groups["w"].Value.ToLowerInvariant();
            Add(m, reference.AddDays(w == "the day before yesterday" ? -2 : -1), null, DatePrecision.Day, DateKind.Relative);
        }

        foreach (Match m in (hasToday ? Today().Matches(text) : Enumerable.Empty<Match>()))
        {
            Add(m, reference, null, DatePrecision.Day, DateKind.Deictic);
        }

        foreach (Match m in (hasPeriod ? Period().Matches(text) : Enumerable.Empty<Match>()))
        {
            var q = m.Groups["q"].Value.ToLowerInvariant();
            var unit = m.Groups["u"].Value.ToLowerInvariant();
            var past = q is "last" or "past" or "previous";
            switch (unit)
            {
                case "weekend":
                {
                    var saturday = reference.AddDays(-(((int)reference.DayOfWeek - (int)DayOfWeek.Saturday + 7) % 7));
                    var future = false;
                    if (q == "this" && reference.DayOfWeek is >= DayOfWeek.Tuesday and <= DayOfWeek.Friday)
                    {
                        saturday = saturday.AddDays(7);
                        future = true;
                    }
                    else if (past && reference.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
                    {
                        saturday = saturday.AddDays(-7);
                    }

                    Add(m, saturday, saturday.AddDays(1), DatePrecision.Range, DateKind.Relative, future);
                    break;
                }

                case "week":
                {
                    var monday = reference.AddDays(-(((int)reference.DayOfWeek + 6) % 7));
                    if (past)
                    {
                        monday = monday.AddDays(-7);
                        Add(m, monday, monday.AddDays(6), DatePrecision.Week, DateKind.Relative);
                    }
                    else
                    {
                        Add(m, monday, reference, DatePrecision.Week, DateKind.Relative);
                    }

                    break;
                }

                default:
                {
                    var first = new DateOnly(reference.Year, reference.Month, 1);
                    if (past)
                    {
                        first = first.AddMonths(-1);
                        Add(m, first, first.AddMonths(1).AddDays(-1), DatePrecision.Month, DateKind.Relative);
                    }
                    else
                    {
                        Add(m, first, reference, DatePrecision.Month, DateKind.Relative);
                    }

                    break;
                }
            }
        }

        foreach (Match m in (hasWeekday ? WeekdayRegex().Matches(text) : Enumerable.Empty<Match>()))
        {
            var q = m.Groups["q"].Value.ToLowerInvariant();
            var target = (DayOfWeek)Array.IndexOf(WeekdayOrder, m.Groups["w"].Value);
            var back = ((int)reference.DayOfWeek - (int)target + 7) % 7;
            if (q == "next")
            {
                Add(m, reference.AddDays(back == 0 ? 7 : 7 - back), null, DatePrecision.Day, DateKind.Relative, future: true);
                continue;
            }

            if (q is "last" or "past" && back == 0)
            {
                back = 7;
            }

            Add(m, reference.AddDays(-back), null, DatePrecision.Day, DateKind.Relative);
        }

        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    /// <summary>A calendar date written on its own (a date line): ISO, dd.mm.yyyy, "7 October 2020", "October 19th, 2020".</summary>
    public static DateOnly? ParseAbsolute(string text, DateOnly reference)
    {
        foreach (var mention in Find(text, reference))
        {
            if (mention.Kind == DateKind.Absolute && mention.Precision == DatePrecision.Day)
            {
                return mention.Date;
            }
        }

        return null;
    }

    private static void AddMonthDay(Match m, DateOnly reference, Action<Match, DateOnly, DateOnly?, DatePrecision, DateKind, bool> add)
    {
        var mon = MonthNumber(m.Groups["mon"].Value);
        var day = Int(m, "d");
        var explicitYear = m.Groups["y"].Success;
        var year = explicitYear ? Int(m, "y") : reference.Year;
        if (!TryDate(year, mon, day, out var d))
        {
            return;
        }

        if (!explicitYear && d > reference.AddDays(31))
        {
            if (!TryDate(year - 1, mon, day, out d))
            {
                return;
            }
        }

        add(m, d, null, DatePrecision.Day, DateKind.Absolute, !explicitYear && d > reference);
    }

    private static readonly string[] MonthKeys = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>
    /// The month a name or abbreviation stands for, by its first three letters. (DateTime.ParseExact did this before,
    /// and read the clock and the time zone on every call to fill in the parts it was not given.)
    /// </summary>
    private static int MonthNumber(string name)
    {
        var key = name.AsSpan(0, 3);
        for (var i = 0; i < MonthKeys.Length; i++)
        {
            if (key.Equals(MonthKeys[i], StringComparison.OrdinalIgnoreCase))
            {
                return i + 1;
            }
        }

        throw new FormatException($"'{name}' is not a month.");
    }

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    private static bool TryDate(int y, int m, int d, out DateOnly date)
    {
        date = default;
        if (y is < 1 or > 9999 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return false;
        }

        date = new DateOnly(y, m, d);
        return true;
    }
}
