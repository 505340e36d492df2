using Watchbot.Core.Events;
using Watchbot.Core.Stores;
using Watchbot.Core.Topics;
using Watchbot.Extraction.Config;
using Watchbot.Extraction.Curation;
using Watchbot.Extraction.Frames;
using Watchbot.Extraction.Text;

namespace Watchbot.Extraction;

/// <summary>
/// The extractor: one parsed article in, its candidate events out (merged, scored, topic-tagged). Pure: it reads
/// nothing but its arguments and the config it was built with, and is safe to share between threads.
/// </summary>
public sealed partial class Extractor(ExtractionConfig config)
{
    /// <summary>Events below this confidence wait for review unless the caller says otherwise.</summary>
    public const double DefaultReviewBelow = 0.5;

    public ExtractionConfig Config { get; } = config;

    public static Extractor FromConfigDirectory(string configDirectory) => new(ExtractionConfig.Load(configDirectory));

    /// <param name="paragraphs">The body's paragraphs when the caller has them (<see cref="Parsing.ParseOutcome.Paragraphs"/>); cut from the body when not.</param>
    public IReadOnlyList<EventDraft> Extract(ArticleDraft article, string? fileName, IReadOnlyList<Topic> topics, double reviewBelow = DefaultReviewBelow, IReadOnlyList<string>? paragraphs = null)
    {
        paragraphs ??= Paragraphs(article);
        var drafts = new List<EventDraft>();
        var lastEscalation = -1;
        var lastParagraph = -1;
        var defaulted = new HashSet<int>();
        foreach (var item in ReadItems(article, paragraphs, topics))
        {
            var draft = ToDraft(item, article, fileName);

            // "The attack, which lasted hours on Saturday, ...": a sentence that points back at the last escalation tells
            // more of it, and its own date beats a date the last one only inherited.
            if (item.Kind == EventKind.Escalation && lastEscalation >= 0 && PointsBack().IsMatch(item.Sentence))
            {
                var dated = defaulted.Contains(lastEscalation) && !item.Date.Defaulted;
                drafts[lastEscalation] = Curator.Combine(drafts[lastEscalation], draft) is var both && dated
                    ? both with { Date = draft.Date, DateEnd = draft.DateEnd, DatePrecision = draft.DatePrecision }
                    : both;
                if (dated)
                {
                    defaulted.Remove(lastEscalation);
                }

                lastParagraph = item.Paragraph;
                continue;
            }

            // Escalation sentences of one paragraph on one day tell one story: keep them as one event.
            if (item.Kind == EventKind.Escalation && lastEscalation >= 0 && lastParagraph == item.Paragraph && Math.Abs(drafts[lastEscalation].Date.DayNumber - draft.Date.DayNumber) <= 1)
            {
                drafts[lastEscalation] = Curator.Combine(drafts[lastEscalation], draft);
                continue;
            }

            // One side's attacks reported for one day in one article: one event with all the places. Two that name no place
            // are one only by the same means (an interception and a shelling that day are two; see AttackMeans).
            var sameDay = item.Kind == EventKind.Escalation
                ? drafts.FindIndex(d => d.Kind == EventKind.Escalation && d.Date == draft.Date && d.Actors.Count > 0 && draft.Actors.Count > 0 && d.Actors[0] == draft.Actors[0]
                                        && (d.Places.Count > 0 || draft.Places.Count > 0 || AttackMeans.MayBeOne(d, draft)))
                : -1;
            if (sameDay >= 0)
            {
                drafts[sameDay] = Curator.Combine(drafts[sameDay], draft);
                (lastEscalation, lastParagraph) = (sameDay, item.Paragraph);
                continue;
            }

            if (item.Kind == EventKind.Escalation)
            {
                (lastEscalation, lastParagraph) = (drafts.Count, item.Paragraph);
                if (item.Date.Defaulted)
                {
                    defaulted.Add(drafts.Count);
                }
            }

            drafts.Add(draft);
        }

        var merged = Curator.Merge([], drafts, sameDay: true, Curator.RegionsOf(topics));
        // An article without a date of its own is kept, but everything read from it waits for review.
        return Curator.ApplyReview(TopicTagger.Tag(merged, article.Title + "\n" + (paragraphs.Count > 0 ? paragraphs[0] : ""), topics), reviewBelow, article.DateFound);
    }

    /// <summary>Every frame item in the article, sentence by sentence, before merging, read against the topics it is about.</summary>
    public IReadOnlyList<FrameItem> ReadItems(ArticleDraft article, IReadOnlyList<Topic> topics) => ReadItems(article, Paragraphs(article), topics);

    /// <summary>The conflict <paramref name="article"/> is about among <paramref name="topics"/>.</summary>
    public Conflict ConflictOf(ArticleDraft article, IReadOnlyList<Topic> topics, IReadOnlyList<string>? paragraphs = null) =>
        ConflictCatalog.For(Config.Gazetteer, topics).Choose(article.Title, paragraphs ?? Paragraphs(article));

    private static string[] Paragraphs(ArticleDraft article) =>
        article.Body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private List<FrameItem> ReadItems(ArticleDraft article, IReadOnlyList<string> paragraphs, IReadOnlyList<Topic> topics)
    {
        var sentences = SentenceSplitter.Split(paragraphs);
        var items = new List<FrameItem>();
        var discourse = new Discourse(article.Published, article.DateFound);
        SentenceContext? previous = null;
        var conflict = ConflictOf(article, topics, paragraphs);
        CasualtyClaim? lastClaim = null;
        for (var index = 0; index < sentences.Count; index++)
        {
            var sentence = sentences[index];
            var context = new SentenceContext(sentence, article.Published, Config)
            {
                Previous = previous,
                ArticleAboutConflict = conflict.HasTopic,
                Conflict = conflict,
                Outlet = article.Author,
                PreviousClaim = lastClaim,
                Next = index + 1 < sentences.Count ? sentences[index + 1] : null,
            };
            var caption = IsCaption(sentence, paragraphs);
            discourse.Add(context, caption);
            previous?.Release();
            previous = context;
            if (caption)
            {
                if (sentence.IndexInParagraph == 0 && Parsing.PublicationDate.FromDateLine(sentence.Text, article.Published) is { } heading && heading <= article.Published)
                {
                    discourse.StartSection(heading);
                }

                continue;
            }

            // Each rule tests its own trigger words first: the date and the history test are worked out only for
            // the sentences that get further.
            foreach (var rule in ExtractionRules.All)
            {
                var found = rule.Apply(context);
                items.AddRange(found);
                lastClaim = found.LastOrDefault(i => i.Claim is not null)?.Claim ?? lastClaim;
            }
        }

        return items;
    }

    private EventDraft ToDraft(FrameItem item, ArticleDraft article, string? fileName)
    {
        var confidence = item.Confidence - (article.DateFound ? 0 : 0.2);
        return new EventDraft
        {
            Kind = item.Kind,
            Date = item.Date.Date,
            DateEnd = item.Date.DateEnd,
            DatePrecision = item.Date.Precision,
            Summary = item.Summary,
            Places = item.Places,
            Actors = item.Actors,
            Severity = item.Severity,
            Confidence = Math.Round(Math.Clamp(confidence, 0.05, 1), 2),
            Stance = item.Stance,
            ClaimedBy = item.ClaimedBy,
            Casualties = item.Claim is null ? [] : [item.Claim],
            Sources = [new EventSource(fileName, article.Url, article.Title, article.Published, item.Sentence)],
        };
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(?:The|This|That)\s+(?:\w+\s+)?(?:attack|assault|strike|ambush|raid|offensive|bombing|shelling|massacre|operation|incursion)\b")]
    private static partial System.Text.RegularExpressions.Regex PointsBack();

    /// <summary>A one-sentence paragraph with no closing punctuation: a photo caption, heading or byline, not a report.</summary>
    private static bool IsCaption(Sentence sentence, IReadOnlyList<string> paragraphs)
    {
        var paragraph = paragraphs[sentence.Paragraph];
        return sentence.IndexInParagraph == 0 && sentence.Text.Length == paragraph.Length && !".!?\"')]".Contains(paragraph[^1], StringComparison.Ordinal);
    }
}
