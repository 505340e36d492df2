using Watchbot.Core.Events;

namespace Watchbot.Extraction.Frames;

/// <summary>What one rule read in one sentence, before it becomes an event.</summary>
public sealed record FrameItem(
    EventKind Kind,
    string Sentence,
    SentenceDate Date,
    IReadOnlyList<string> Places,
    IReadOnlyList<string> Actors,
    string Summary,
    int Severity,
    double Confidence)
{
    public CeasefireStance? Stance { get; init; }
    public string? ClaimedBy { get; init; }
    public CasualtyClaim? Claim { get; init; }
    public bool Disputed { get; init; }

    /// <summary>The paragraph of the article the sentence is in.</summary>
    public int Paragraph { get; init; }
}
