namespace Watchbot.Core.Events;

/// <summary>Only published events reach subscribers; pending ones wait for a curator.</summary>
public enum EventStatus
{
    Published,
    Pending,
    Rejected,
}
