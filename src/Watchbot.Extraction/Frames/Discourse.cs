using System.Text.RegularExpressions;
using Watchbot.Core.Events;
using Watchbot.Extraction.Text;

namespace Watchbot.Extraction.Frames;

/// <summary>
/// What a sentence inherits from the sentences before it in its article: the date (its own, else the last one its
/// paragraph gave, else the lede's, else the day before publication) and whether it is background history (a history
/// sentence makes the rest of its paragraph background until a sentence gives a date of its own).
/// <para>
/// Both are worked out only when a rule asks, and only as far back as the answer needs: most sentences name no attack,
/// casualty or ceasefire, and their own dates and history tests are then never read. Each answer is kept, and the
/// sentences a walk passes over get the same answer, so an article costs at most one look at each sentence.
/// </para>
/// </summary>
internal sealed partial class Discourse(DateOnly published, bool dateFound)
{
    // The current paragraph's sentences so far (each sentence keeps its own paragraph's list, so it can still be asked
    // about after the next paragraph begins), and the first paragraph's, where the lede's date comes from.
    private List<SentenceContext> _paragraph = [];
    private List<SentenceContext>? _opening = [];

    /// <summary>The first paragraph that reports (not a byline or caption above it); -1 until one is seen.</summary>
    private int _openingParagraph = -1;
    private SentenceDate? _lede;
    private SentenceDate? _section;

    /// <summary>
    /// A paragraph that is a date alone ("Monday, 5 October", a live blog's heading) dates the undated paragraphs after
    /// it, in place of the lede.
    /// </summary>
    public void StartSection(DateOnly date) => _section = new SentenceDate(date, null, DatePrecision.Day, false);

    /// <summary>Adds the next sentence of the article; it may ask for its date and background from now on.</summary>
    /// <param name="caption">A heading, byline or photo caption: part of the paragraphs, never the lede.</param>
    public void Add(SentenceContext sentence, bool caption = false)
    {
        if (_paragraph.Count > 0 && _paragraph[^1].Paragraph != sentence.Paragraph)
        {
            _paragraph = [];
        }

        sentence.Discourse = this;
        sentence.ParagraphSentences = _paragraph;
        sentence.PositionInParagraph = _paragraph.Count;
        _paragraph.Add(sentence);
        if (!caption && _openingParagraph < 0)
        {
            _openingParagraph = sentence.Paragraph;
        }

        if (sentence.Paragraph == _openingParagraph)
        {
            _opening?.Add(sentence);
        }
    }

    /// <summary>True when the sentence, or an earlier one of its paragraph with no dated sentence in between, is history.</summary>
    public static bool BackgroundOf(SentenceContext sentence)
    {
        var paragraph = sentence.ParagraphSentences!;
        var result = false;
        var k = sentence.PositionInParagraph;
        for (; k >= 0; k--)
        {
            var s = paragraph[k];
            if (s.KnownBackground is { } known)
            {
                result = known;
                break;
            }

            if (s.IsHistory)
            {
                result = true;
                break;
            }

            if (s.OwnDate is not null)
            {
                break;
            }
        }

        // The sentences after the one that decided had neither history nor a date: they carry the same answer.
        for (var j = Math.Max(k, 0); j <= sentence.PositionInParagraph; j++)
        {
            paragraph[j].KnownBackground = result;
        }

        return result;
    }

    /// <summary>The sentence's date: its own, else carried from earlier in the paragraph, else a default.</summary>
    public SentenceDate DateOf(SentenceContext sentence)
    {
        var date = CarriedDate(sentence) ?? DefaultDate(sentence);
        return dateFound ? date : date with { Defaulted = true };
    }

    private static SentenceDate? CarriedDate(SentenceContext sentence)
    {
        var paragraph = sentence.ParagraphSentences!;
        SentenceDate? result = null;
        var k = sentence.PositionInParagraph;
        for (; k >= 0; k--)
        {
            var s = paragraph[k];
            if (s.CarriedKnown)
            {
                result = s.Carried;
                break;
            }

            if (s.OwnDate is { } own)
            {
                result = own;
                break;
            }
        }

        for (var j = Math.Max(k, 0); j <= sentence.PositionInParagraph; j++)
        {
            (paragraph[j].Carried, paragraph[j].CarriedKnown) = (result, true);
        }

        return result;
    }

    /// <summary>No date in the paragraph so far: the lede's day if it gave one, else the day before publication; the present perfect means today.</summary>
    private SentenceDate DefaultDate(SentenceContext sentence)
    {
        if (PresentPerfect().IsMatch(sentence.Text) && !SimplePast().IsMatch(sentence.Text))
        {
            return new SentenceDate(published, null, DatePrecision.Day, true);
        }

        // "18:40 The emergency service says ...": a live blog's entry stamped with a time of day was written on the day of
        // its section, else on the day the page was published, not the day before.
        if (ClockStamp.Length(sentence.ParagraphSentences![0].Text) > 0)
        {
            return (_section ?? new SentenceDate(published, null, DatePrecision.Day, true)) with { Defaulted = true };
        }

        // The lede's day carries over to paragraphs that add detail without a date of their own. Within the first
        // paragraph there is none yet: a dated sentence before this one would have given its date to this one.
        var lede = _section ?? (sentence.Paragraph == _openingParagraph || _openingParagraph < 0 ? null : Lede());
        return lede is not null ? lede with { Defaulted = true } : new SentenceDate(published.AddDays(-1), null, DatePrecision.Day, true);
    }

    /// <summary>The first day the first reporting paragraph gives that is not after publication.</summary>
    private SentenceDate? Lede()
    {
        if (_opening is not null)
        {
            _lede = _opening.Select(s => s.OwnDate).FirstOrDefault(own => own is { Precision: DatePrecision.Day } && own.Date <= published);
            _opening = null;
        }

        return _lede;
    }

    /// <summary>The date the sentence itself gives: outside quotes first; "today" inside a quote is the speaker's day, not ours.</summary>
    public static SentenceDate? OwnDateOf(SentenceContext s)
    {
        DateMention? pick = s.Dates.FirstOrDefault(d => !d.Future && d.Kind is DateKind.Absolute or DateKind.Relative && !s.Quoted(d.Start) && !s.IsStartReference(d)
                                                         && !NeverNewsGuard.DescribesAt(s.Text, d.Start));
        if (pick is null && s.Dates.FirstOrDefault(d => d.Kind == DateKind.Deictic && !s.Quoted(d.Start)) is { } today)
        {
            pick = today;
        }

        pick ??= s.Dates.FirstOrDefault(d => !d.Future && d.Kind is DateKind.Absolute or DateKind.Relative && !s.IsStartReference(d) && !NeverNewsGuard.DescribesAt(s.Text, d.Start));
        return pick is null ? null : new SentenceDate(pick.Date, pick.DateEnd, pick.Precision, false, pick.Since);
    }

    [GeneratedRegex(@"\b(?:has|have)\s+(?:\w+ly\s+)?(?:\w+(?:ed|en|wn|ut|ld|ng))\b", RegexOptions.IgnoreCase)]
    private static partial Regex PresentPerfect();

    [GeneratedRegex(@"\b(?:launched|attacked|shelled|bombed|struck|fired|captured|seized|killed|said|reported|announced|issued|claimed)\b(?!\s+(?:by|that))", RegexOptions.IgnoreCase)]
    private static partial Regex SimplePast();
}
