namespace Watchbot.Core.Events;

public enum CeasefireStance
{
    Call,
    Agreement,
    InForce,
    Violation,
    Rejection,
}
