namespace Watchbot.Core.Events;

/// <summary>What an event is about. Each kind has its row in <see cref="EventKinds"/> (wire name, labels, merge rule).</summary>
public enum EventKind
{
    Escalation,
    Casualties,
    Ceasefire,
    Displacement,

    /// <summary>Prisoners of war, detainees or hostages released, exchanged or handed over.</summary>
    Prisoners,
}
