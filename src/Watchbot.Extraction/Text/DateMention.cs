using Watchbot.Core.Events;

namespace Watchbot.Extraction.Text;

public enum DateKind
{
    /// <summary>A calendar date: "October 2", "2020-10-19".</summary>
    Absolute,

    /// <summary>Relative to the reference date: "yesterday", "on Tuesday", "this weekend".</summary>
    Relative,

    /// <summary>Words such as "today" or "this afternoon" that mean the day the words were said.</summary>
    Deictic,

    /// <summary>"since the fighting began": a range from an unknown start up to the reference date.</summary>
    SinceConflictStart,
}

/// <summary>A date expression found in a text and what it resolves to.</summary>
public sealed record DateMention(
    int Start,
    int End,
    DateOnly Date,
    DateOnly? DateEnd,
    DatePrecision Precision,
    DateKind Kind,
    bool Future,
    string Text)
{
    /// <summary>"since Sunday": the range runs from the date given up to the reference date.</summary>
    public bool Since { get; init; }
}
