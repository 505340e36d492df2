using System.Buffers;
using System.Text.RegularExpressions;
using Watchbot.Core.Events;
using Watchbot.Extraction.Config;
using Watchbot.Extraction.Text;

using Watchbot.Extraction.Matching;
namespace Watchbot.Extraction.Frames;

/// <summary>The date a sentence speaks about, and how it was found.</summary>
/// <param name="Since">The range runs from a start the text gives up to the reference day ("since Sunday").</param>
public sealed record SentenceDate(DateOnly Date, DateOnly? DateEnd, DatePrecision Precision, bool Defaulted, bool Since = false)
{
    /// <summary>The date of something that began then: "clashes since Sunday" happened on Sunday.</summary>
    public SentenceDate Start => Since ? this with { DateEnd = null, Precision = DatePrecision.Day, Since = false } : this;
}

/// <summary>Everything the rules need about one sentence, computed once.</summary>
public sealed partial class SentenceContext
{
    public SentenceContext(Sentence sentence, DateOnly published, SentenceDate date, bool background, ExtractionConfig config)
        : this(sentence, published, config)
    {
        Date = date;
        Background = background;
    }

    /// <summary>A sentence whose date and background come from the sentences before it, once it is added to a <see cref="Frames.Discourse"/>.</summary>
    internal SentenceContext(Sentence sentence, DateOnly published, ExtractionConfig config)
    {
        Sentence = sentence;
        Text = sentence.Text;
        Published = published;
        Config = config;
        Conflict = Conflict.None(config.Gazetteer);
    }

    /// <summary>The conflict the article is read against: its topics' sides, places and actors.</summary>
    public Conflict Conflict { get; init; }

    /// <summary>The next sentence of the article, if any ("This was stated by ..." gives this one its source).</summary>
    public Sentence? Next { get; init; }

    private (bool Done, string? Value) _lastPlaceSide, _lastNamed, _ownPlaceSide, _ownNamed;

    /// <summary>The side of the last place with a side that the article named before this sentence: where the story happens.</summary>
    /// <remarks>Worked out on first use, walking back only until a sentence answers; each answer is kept.</remarks>
    public string? LastPlaceSide => Back(static c => c.OwnPlaceSide, static c => ref c._lastPlaceSide);

    /// <summary>The last source a sentence before this one named ("he said" speaks for it).</summary>
    public string? LastNamedClaimant => Back(static c => c.OwnNamed, static c => ref c._lastNamed);

    private string? OwnPlaceSide => Memo(ref _ownPlaceSide, () => Mentions.LastOrDefault(m => m.Kind == MentionKind.Place && m.Side is not null)?.Side);

    private string? OwnNamed => Memo(ref _ownNamed, () => Claimants.Named(this) is var named && named != Claimants.Unknown ? named : null);

    private static string? Memo(ref (bool Done, string? Value) slot, Func<string?> compute)
    {
        if (!slot.Done)
        {
            slot = (true, compute());
        }

        return slot.Value;
    }

    private delegate ref (bool Done, string? Value) Slot(SentenceContext context);

    /// <summary>The nearest answer of the sentences before this one, each sentence passed keeping it too.</summary>
    private string? Back(Func<SentenceContext, string?> own, Slot slot)
    {
        var passed = new List<SentenceContext>();
        string? answer = null;
        for (var c = this; c is not null; c = c.Previous)
        {
            ref var known = ref slot(c);
            if (known.Done)
            {
                answer = known.Value;
                break;
            }

            passed.Add(c);
            if (c.Previous is { } before && own(before) is { } found)
            {
                answer = found;
                break;
            }
        }

        foreach (var c in passed)
        {
            slot(c) = (true, answer);
        }

        return answer;
    }

    /// <summary>The last casualty figure read in the article before this sentence ("put the figure at ..." restates it), or null.</summary>
    public Watchbot.Core.Events.CasualtyClaim? PreviousClaim { get; init; }

    /// <summary>The outlet that published the article (its own count is what it states without naming a source), or null.</summary>
    public string? Outlet { get; init; }

    private string? _unquoted;
    private IReadOnlyList<Token>? _tokens;
    private IReadOnlyList<NumberMention>? _numbers;
    private IReadOnlyList<Mention>? _mentions;
    private IReadOnlyList<DateMention>? _dates;
    private bool? _namesBelligerent;
    private string? _otherTopic;
    private bool _otherTopicDone;
    private List<Match>? _speech;

    /// <summary>Why the whole sentence is about another topic (COVID-19 ...), or null; computed once for all rules.</summary>
    public string? OtherTopic
    {
        get
        {
            if (!_otherTopicDone)
            {
                (_otherTopic, _otherTopicDone) = (NeverNewsGuard.OtherTopic(Text, Config), true);
            }

            return _otherTopic;
        }
    }

    /// <summary>The speech verbs outside quotes, found once for all rules.</summary>
    public IReadOnlyList<Match> SpeechVerbs => _speech ??= Config.Speech["speechVerbs"].Matches(Unquoted).ToList();

    public Sentence Sentence { get; }
    public string Text { get; }

    /// <summary>The text with quoted words blanked, same offsets.</summary>
    public string Unquoted => _unquoted ??= Sentence.Unquoted();

    public DateOnly Published { get; }

    private SentenceDate? _date;
    private bool? _background;

    /// <summary>The date the sentence speaks about: given, or worked out from the article on first use.</summary>
    public SentenceDate Date
    {
        get => _date ??= Discourse is not null
            ? Discourse.DateOf(this)
            : throw new InvalidOperationException("The sentence has no date and no article to take one from.");
        set => _date = value;
    }

    /// <summary>True when the sentence is about past wars or earlier clashes (or continues a paragraph that is).</summary>
    public bool Background
    {
        get => _background ??= Discourse is not null
            ? Frames.Discourse.BackgroundOf(this)
            : throw new InvalidOperationException("The sentence has no article to tell whether it is background.");
        set => _background = value;
    }

    // What the article's discourse works out and keeps about this sentence (not freed by Release: later sentences ask).
    internal Discourse? Discourse { get; set; }
    internal List<SentenceContext>? ParagraphSentences { get; set; }
    internal int PositionInParagraph { get; set; }
    internal bool? KnownBackground { get; set; }
    internal bool CarriedKnown { get; set; }
    internal SentenceDate? Carried { get; set; }

    private bool? _history;
    private SentenceDate? _ownDate;
    private bool _ownDateDone;

    /// <summary>True when the sentence itself is about past wars (see <see cref="NeverNewsGuard.IsHistory"/>).</summary>
    internal bool IsHistory => _history ??= NeverNewsGuard.IsHistory(Text, Published, Config) && !DatedRecently();

    /// <summary>"announced on Thursday the end of the 2015 accord": a sentence dated in the days before publication is news, whatever years it recalls.</summary>
    private bool DatedRecently()
    {
        foreach (var d in Dates)
        {
            if (!d.Future && d.Kind is DateKind.Absolute or DateKind.Relative && !Quoted(d.Start) && d.Date <= Published && d.Date.DayNumber >= Published.DayNumber - 7)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The date the sentence itself gives, or null.</summary>
    internal SentenceDate? OwnDate
    {
        get
        {
            if (!_ownDateDone)
            {
                (_ownDate, _ownDateDone) = (Frames.Discourse.OwnDateOf(this), true);
            }

            return _ownDate;
        }
    }

    public ExtractionConfig Config { get; }

    /// <summary>True when the article is about a topic's conflict (see <see cref="Conflict.HasTopic"/>).</summary>
    public bool ArticleAboutConflict { get; init; }

    /// <summary>The sentence before this one in the article, for discourse context.</summary>
    public SentenceContext? Previous { get; init; }

    /// <summary>True when the previous sentence named a belligerent or a place of the war (discourse context).</summary>
    public bool ContextBelligerent => Previous?.NamesBelligerent ?? false;

    public int Paragraph => Sentence.Paragraph;

    public bool NamesBelligerent => _namesBelligerent ??= Mentions.Any(m => m.Belligerent || (m.Kind == MentionKind.Place && m.Side is not null));

    /// <summary>Frees what the next sentence no longer needs; anything read later through <see cref="Previous"/> is recomputed.</summary>
    internal void Release()
    {
        (_tokens, _numbers, _mentions, _dates, _unquoted, _starts, _speech) = (null, null, null, null, null, null, null);
    }
    // Computed on first use: most sentences never need them.
    public IReadOnlyList<Token> Tokens => _tokens ??= Tokenizer.Tokenize(Text);

    public IReadOnlyList<NumberMention> Numbers => _numbers ??= NumberProbe().IsMatch(Text) ? NumberReader.Read(Text, Tokens) : [];

    public IReadOnlyList<Mention> Mentions => _mentions ??= Conflict.Gazetteer.Find(Text);

    /// <summary>The sentence's date expressions, without a wire dateline's ("ADEN, March 3 (Wire) - A drone struck ... on
    /// Sunday": the attack was on Sunday).</summary>
    public IReadOnlyList<DateMention> Dates => _dates ??= MayHoldDate(Text) && DateProbe().IsMatch(Text) ? WithoutDateline(DateResolver.Find(Text, Published)) : [];

    /// <summary>True when the character at <paramref name="position"/> is part of a date, the dateline's included ("KHARTOUM,
    /// May 14 -"): a word there ("May") is not the modal it spells.</summary>
    public bool InDate(int position)
    {
        if (Sentence.IndexInParagraph == 0 && position < Parsing.PublicationDate.DatelineEnd(Text))
        {
            return true;
        }

        foreach (var d in Dates)
        {
            if (position >= d.Start && position < d.End)
            {
                return true;
            }
        }

        return false;
    }

    private IReadOnlyList<DateMention> WithoutDateline(IReadOnlyList<DateMention> dates)
    {
        if (Sentence.IndexInParagraph != 0 || dates.Count == 0 || Parsing.PublicationDate.DatelineEnd(Text) is not (> 0 and var end))
        {
            return dates;
        }

        return dates.Where(d => d.Start >= end).ToList();
    }

    /// <summary>The literal months and weekdays <see cref="DateProbe"/> looks for, compared as it does: with case.</summary>
    private static readonly SearchValues<string> DateProbeNames = SearchValues.Create(
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], StringComparison.Ordinal);

    /// <summary>The words <see cref="DateProbe"/> looks for without case.</summary>
    private static readonly SearchValues<string> DateProbeWords = SearchValues.Create(
        ["yesterday", "today", "tonight", "overnight", "weekend", "week", "month", "since", "this morning", "this afternoon", "this evening", "last night"], StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// False only when <see cref="DateProbe"/> cannot match: an ASCII text with no digit, none of its month and weekday
    /// abbreviations and none of its words. Any character outside ASCII (a digit of another script, a sign that folds
    /// onto a letter) leaves the question to the regex. The probe's scan, tried at every position, cost more than
    /// reading the dates it lets through.
    /// </summary>
    private static bool MayHoldDate(ReadOnlySpan<char> text) =>
        text.ContainsAnyExceptInRange('\0', '\x7F')
        || text.ContainsAnyInRange('0', '9')
        || text.IndexOfAny(DateProbeNames) >= 0
        || text.IndexOfAny(DateProbeWords) >= 0;

    public IEnumerable<Mention> Actors => Mentions.Where(m => m.Kind == MentionKind.Actor);

    public IEnumerable<Mention> Places => Mentions.Where(m => m.Kind == MentionKind.Place);

    public bool Quoted(int position) => Sentence.IsQuoted(position);

    /// <summary>Clause boundaries: a leading "While ..." clause, semicolons, and ", while" / ", but" / ", whereas".</summary>
    private IReadOnlyList<(int Start, int End)>? _clauses;

    public IReadOnlyList<(int Start, int End)> Clauses() => _clauses ??= ComputeClauses();

    private IReadOnlyList<(int Start, int End)> ComputeClauses()
    {
        var cuts = new List<int> { 0 };
        var lead = LeadingSubordinate().Match(Text);
        if (lead.Success)
        {
            cuts.Add(lead.Index + lead.Length);
        }

        foreach (Match m in ClauseBreak().Matches(Text))
        {
            if (!Quoted(m.Index))
            {
                cuts.Add(m.Index);
            }
        }

        cuts.Add(Text.Length);
        cuts.Sort();

        // Consecutive cuts, each pair once: equal cuts make no clause.
        var result = new List<(int, int)>(cuts.Count - 1);
        for (var i = 0; i + 1 < cuts.Count; i++)
        {
            if (cuts[i + 1] > cuts[i])
            {
                result.Add((cuts[i], cuts[i + 1]));
            }
        }

        return result;
    }

    /// <summary>The date of a clause: its own date expression when it has one, else the sentence's.</summary>
    public SentenceDate DateOf(int start, int end, int triggerStart = -1, int triggerEnd = -1)
    {
        // "a truce that took effect on Oct. 10 collapsed": a date of when something began does not date this clause.
        var candidates = Dates.Where(d => d.Start >= start && d.End <= end && !d.Future && d.Kind is DateKind.Absolute or DateKind.Relative && !Quoted(d.Start) && !IsStartReference(d))
            .OrderBy(d => 0);
        var pick = triggerStart < 0
            ? candidates.FirstOrDefault()
            : candidates.ThenBy(d => d.End <= triggerStart ? triggerStart - d.End : Math.Max(0, d.Start - Math.Max(triggerEnd, triggerStart))).FirstOrDefault();
        return pick is null ? Date : new SentenceDate(pick.Date, pick.DateEnd, pick.Precision, false, pick.Since);
    }

    public bool IsStartReference(DateMention d)
    {
        var from = Math.Max(0, d.Start - 30);
        var m = StartReference().Match(Text, from, d.Start - from);
        // "Heavy fighting broke out on Sunday": an outbreak as the main verb of the sentence dates it; only a clause about
        // something else ("the clashes that began on Sunday", "since fighting erupted") gives a start. A truce that "took
        // effect" or "was signed" always gives a start: its collapse or its holding is the news.
        return m.Success && (!Outbreak().IsMatch(m.Value) || Subordinate().IsMatch(Text.AsSpan()[..m.Index]));
    }

    [GeneratedRegex(@"^(?:began|started|erupted|broke out)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Outbreak();

    [GeneratedRegex(@"\b(?:that|which|since|after|when|before|until|who|whose|as)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Subordinate();

    /// <summary>"clashes that began last Sunday", "the truce that expired in October": a date that says when something
    /// started or ran out, not when this happened.</summary>
    [GeneratedRegex(@"\b(?:began|started|erupted|broke out|first|took effect|came into force|entered into force|was signed|were signed|was agreed|expired|lapsed)\s+(?:(?:on|in)\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex StartReference();

    /// <summary>The index of the first token that ends after <paramref name="charPosition"/>.</summary>
    public int TokenIndexAt(int charPosition)
    {
        var tokens = Tokens;
        int lo = 0, hi = tokens.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (tokens[mid].End > charPosition)
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        return lo;
    }

    private List<(LexiconList List, IReadOnlyList<Match> Matches)>? _starts;

    /// <summary>
    /// The length of the match of <paramref name="list"/> that starts exactly at <paramref name="position"/>, or 0. The
    /// list runs once over the sentence; later questions look through its few matches.
    /// </summary>
    public int MatchAt(LexiconList list, int position)
    {
        IReadOnlyList<Match>? matches = null;
        foreach (var (known, found) in _starts ?? [])
        {
            if (ReferenceEquals(known, list))
            {
                matches = found;
                break;
            }
        }

        if (matches is null)
        {
            matches = list.Matches(Text);
            (_starts ??= []).Add((list, matches));
        }

        foreach (var m in matches)
        {
            if (m.Index == position)
            {
                return m.Length;
            }
        }

        return 0;
    }

    [GeneratedRegex(@"\d|(?i:\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|dozen|dozens|hundreds|thousands|scores|tens)\b)")]
    private static partial Regex NumberProbe();

    [GeneratedRegex(@"\b(?:19|20)\d\d-\d|\b(?i:in|during|throughout)\s+(?:(?i:early|late|mid)[\s-]+)?(?:19|20)\d\d\b|\d[./]\d{1,2}[./](?:19|20)\d\d|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)|(?i:yesterday|today|tonight|overnight|weekend|\bweek\b|\bmonth\b|\bsince\b|this (?:morning|afternoon|evening)|last night)")]
    private static partial Regex DateProbe();

    [GeneratedRegex(@"^(?:While|Whereas|Although|Though)\b[^,]{10,}?,")]
    private static partial Regex LeadingSubordinate();

    [GeneratedRegex(@";|,\s+(?:while|whereas|but)\b")]
    private static partial Regex ClauseBreak();
}
