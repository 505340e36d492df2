using System.Text.Json;
using System.Text.Json.Serialization;

namespace Watchbot.Extraction.Evaluation;

/// <summary>A hand annotation in the format of <c>seeds-gold.json</c>.</summary>
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
    long Count,
    long? CountHigh,
    string? Qualifier,
    bool Cumulative,
    string? ClaimedBy,
    bool Disputed,
    bool Must,
    string? Text);

public sealed record GoldEvent(
    string File,
    string Kind,
    string? Date,
    string? Stance,
    string? Actor,
    IReadOnlyList<string> Cues,
    bool Must,
    string? Text);

public sealed record GoldNegative(string File, long Count, string? Why, string? Text);

/// <summary>"2020-10-03" or "2020-10-03/2020-10-04".</summary>
public readonly record struct GoldDate(DateOnly Start, DateOnly End)
{
    public bool SingleDay => Start == End;

    public static GoldDate? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parts = text.Split('/');
        if (!DateOnly.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var start))
        {
            return null;
        }

        var end = start;
        if (parts.Length > 1 && !DateOnly.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out end))
        {
            end = start;
        }

        return new GoldDate(start, end);
    }
}
