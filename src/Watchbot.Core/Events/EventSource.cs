namespace Watchbot.Core.Events;

/// <summary>Where an event was read: the article and the sentence that carried it.</summary>
public sealed record EventSource(
    string? File,
    string? Url,
    string? Title,
    DateOnly? Published,
    string? Sentence);
