namespace Watchbot.Core.Events;

/// <summary>What an event is about. The export names are the lower-case forms.</summary>
public enum EventKind
{
    Escalation,
    Casualties,
    Ceasefire,
    Displacement,
}
