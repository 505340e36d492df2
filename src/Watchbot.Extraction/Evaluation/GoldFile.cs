using System.Text.Json;
using System.Text.Json.Serialization;

namespace Watchbot.Extraction.Evaluation;

/// <summary>A hand annotation in the format of <c>seeds-gold.json</c>. An item without <c>must</c> counts as a must, as in
/// <c>score_extraction.py</c>; counts are JSON numbers compared as numbers (5 equals 5.0).</summary>
public sealed record GoldFile(
    IReadOnlyList<GoldArticle> Articles,
    IReadOnlyList<GoldCasualty> Casualties,
    IReadOnlyList<GoldEvent> Events,
    IReadOnlyList<GoldNegative> Negatives)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static GoldFile Parse(string json)
    {
        try
        {
            var raw = JsonSerializer.Deserialize<RawGold>(json, Options) ?? throw new InvalidDataException("The gold file is empty.");
            return new GoldFile(raw.Articles ?? [], raw.Casualties ?? [], raw.Events ?? [], raw.Negatives ?? []);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The gold file is not valid: {e.Message}", e);
        }
    }

    private sealed record RawGold(List<GoldArticle>? Articles, List<GoldCasualty>? Casualties, List<GoldEvent>? Events, List<GoldNegative>? Negatives);
}

public sealed record GoldArticle(string File, string? Published, string? Topic, string? Note);

public sealed record GoldCasualty(
    string File,
    string? Occurred,
    string? Side,
    string? Population,
    string? Outcome,
    double Count,
    double? CountHigh,
    string? Qualifier,
    bool Cumulative,
    string? ClaimedBy,
    bool Disputed,
    bool Must = true,
    string? Text = null);

public sealed record GoldEvent(
    string File,
    string Kind,
    string? Date,
    string? Stance,
    string? Actor,
    IReadOnlyList<string> Cues,
    bool Must = true,
    string? Text = null);

/// <summary>A number in an article that is not news (a calibre, a year, a sum). Counts are JSON numbers, not always whole: "6.1" (a magnitude).</summary>
public sealed record GoldNegative(string File, double Count, string? Why, string? Text);
