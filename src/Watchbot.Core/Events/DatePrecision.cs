namespace Watchbot.Core.Events;

public enum DatePrecision
{
    Day,
    Range,
    Week,
    Month,
    Unknown,
}
